package dev.fieldpoll.store;

import dev.fieldpoll.poll.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/**
 * A consistent copy of a database in a new SQLite file, made while fieldpoll may be writing to it.
 * From a SQLite file, SQLite's VACUUM INTO reads one snapshot, in one read transaction that WAL
 * lets writers work beside, and writes it compacted to the new file. From PostgreSQL, every row is
 * copied ({@link DatabaseCopy}) from one REPEATABLE READ snapshot into a new fieldpoll file: a
 * backup fieldpoll can check, read and serve anywhere, beside the server's own (pg_dump). The copy
 * takes its name only once complete and on disk, so an interrupted backup never looks like a good one.
 */
public final class DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);

    private final DatabaseTarget source;

    public DatabaseBackup(DatabaseTarget source) {
        this.source = source;
    }

    public DatabaseBackup(Path source) {
        this(new DatabaseTarget.SqliteFile(source));
    }

    /** Writes the copy to a new file; returns its size in bytes. Never overwrites a file. */
    public long copyTo(Path target) {
        if (Files.exists(target)) {
            throw new StoreException(
                    "The backup file " + target + " exists already. Name a new file; "
                            + "a backup never overwrites one.",
                    null);
        }
        if (source instanceof DatabaseTarget.Postgres postgres) {
            // The source first: an unreachable server must leave no folder or file behind.
            try (Database database =
                    Database.open(postgres, DatabaseSettings.defaults().withReadOnly(true))) {
                return written(target, partial -> copyRows(database, partial));
            }
        }
        Path file = ((DatabaseTarget.SqliteFile) source).file();
        // The source first: a mistyped --db must leave no folder or file behind.
        ExistingFile existing = new ExistingFile(file);
        SQLiteDataSource dataSource = existing.dataSource();
        return written(target, partial -> snapshot(file, existing, dataSource, target, partial));
    }

    /** Fills the empty file at this path with the copy. */
    private interface Snapshot {
        void writeTo(Path partial);
    }

    /** The copy written beside the target, synced, then given the target's name; returns its size. */
    private static long written(Path target, Snapshot snapshot) {
        Path partial = createPartial(target);
        try {
            snapshot.writeTo(partial);
            forceToDisk(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            forceFolderToDisk(target);
            return Files.size(target);
        } catch (IOException e) {
            throw new StoreException(
                    "Could not write the backup " + target + " (" + IoReasons.of(e) + "). "
                            + "Check that its folder is writable and the disk has room.",
                    e);
        } finally {
            deleteIfLeft(partial);
        }
    }

    /** An empty file beside the target (VACUUM INTO accepts an empty file), so the final move is atomic. */
    private static Path createPartial(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            return Files.createTempFile(folder, "." + target.getFileName() + ".", ".partial");
        } catch (IOException e) {
            throw new StoreException(
                    "Could not write the backup " + target + " (" + IoReasons.of(e) + "). "
                            + "Check that its folder is writable.",
                    e);
        }
    }

    /** Every row of the PostgreSQL database, copied into a new fieldpoll file (created, migrated, then filled). */
    private static void copyRows(Database from, Path partial) {
        try (Database copy = Database.open(partial)) {
            DatabaseCopy.Outcome outcome = new DatabaseCopy(from, copy).run();
            if (!(outcome instanceof DatabaseCopy.Copied)) {
                throw new IllegalStateException("a new file holds no polls, yet the copy found " + outcome);
            }
        }
    }

    private static void snapshot(
            Path source, ExistingFile file, SQLiteDataSource dataSource, Path target, Path partial) {
        try (Connection connection = file.connect(dataSource);
                PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, partial.toAbsolutePath().toString());
            vacuum.execute();
        } catch (SQLException e) {
            if (SqliteErrors.isWriteFailure(e)) {
                // The source is only read: a full disk or a failed write is the copy's disk.
                throw new StoreException(
                        SqliteErrors.kind(e),
                        "Could not write the backup " + target + ": the disk holding "
                                + target.toAbsolutePath().getParent()
                                + " is full or refused the write. Free some space there or back up to another disk; "
                                + "no partial copy was left.",
                        e);
            }
            throw file.errors().translate(e, "back up " + source + " to " + target);
        }
    }

    /** SQLite does not sync what VACUUM INTO writes; a backup that a power cut can lose is none. */
    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes the rename durable too. Some systems cannot open a folder to sync it; there, the rename stays unsynced. */
    private static void forceFolderToDisk(Path target) {
        try (FileChannel folder = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            log.debug("Could not sync the folder of {}", target, e);
        }
    }

    /** The unfinished copy and the journal SQLite keeps beside it while writing it. */
    private static void deleteIfLeft(Path partial) {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            Path file = partial.resolveSibling(partial.getFileName() + suffix);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not remove the unfinished backup {}", file, e);
            }
        }
    }
}
