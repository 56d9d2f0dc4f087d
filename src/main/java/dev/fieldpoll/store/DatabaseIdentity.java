package dev.fieldpoll.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Whose file it is, decided before anything is written to it (WAL mode included): a new or empty
 * file, a fieldpoll database, or another program's file, which fieldpoll refuses and leaves exactly
 * as it was. fieldpoll marks its files with SQLite's {@code application_id} (the header field made
 * for this); files from before that mark are recognised by their schema history and then marked.
 */
final class DatabaseIdentity {

    /** "fpol" in ASCII: the application_id of every fieldpoll database. */
    static final int APPLICATION_ID = 0x66706f6c;

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 100;
    private static final int APPLICATION_ID_OFFSET = 68;
    /** Tables only an (unmarked) fieldpoll database from before the mark has together. */
    private static final Set<String> EARLY_FIELDPOLL = Set.of("flyway_schema_history", "poll", "vote");

    /** What the file is, as far as opening it goes. */
    enum Found {
        /** No file, an empty file, or a SQLite file without tables: fieldpoll may make it its own. */
        NEW,
        /** A fieldpoll database that does not carry the mark yet. */
        UNMARKED_FIELDPOLL,
        /** A marked fieldpoll database. */
        FIELDPOLL
    }

    private final Path file;
    private final SqliteErrors errors;

    DatabaseIdentity(Path file, SqliteErrors errors) {
        this.file = file;
        this.errors = errors;
    }

    /** Reads the header (and, for an unmarked file, its table names) without changing a byte; refuses a foreign file. */
    Found check() {
        byte[] header = header();
        if (header.length == 0) {
            return Found.NEW;
        }
        if (header.length < HEADER_BYTES || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            throw errors.notADatabase(null);
        }
        int applicationId = ByteBuffer.wrap(header, APPLICATION_ID_OFFSET, 4).getInt();
        if (applicationId == APPLICATION_ID) {
            return Found.FIELDPOLL;
        }
        if (applicationId != 0) {
            throw errors.foreignDatabase(String.format("its SQLite application_id is 0x%08x", applicationId));
        }
        List<String> tables = tables();
        if (tables.isEmpty()) {
            return Found.NEW;
        }
        if (tables.containsAll(EARLY_FIELDPOLL)) {
            return Found.UNMARKED_FIELDPOLL;
        }
        throw errors.foreignDatabase("it holds the tables "
                + String.join(", ", tables.stream().limit(5).toList()) + (tables.size() > 5 ? ", …" : ""));
    }

    /** Marks the file as fieldpoll's, before any migration. */
    static Void mark(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA application_id = " + APPLICATION_ID);
        }
        return null;
    }

    private byte[] header() {
        if (!Files.exists(file)) {
            return new byte[0];
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEADER_BYTES);
        } catch (IOException unreadable) {
            throw errors.unreadable(unreadable);
        }
    }

    /**
     * The file's tables, read with SQLite's immutable flag: no lock, no journal, no -wal or -shm file,
     * nothing written. Only the schema is read, which an unmarked fieldpoll file settled long ago.
     */
    private List<String> tables() {
        String url = "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?mode=ro&immutable=1";
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (row.next()) {
                names.add(row.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw errors.translateOpening(e);
        }
    }
}
