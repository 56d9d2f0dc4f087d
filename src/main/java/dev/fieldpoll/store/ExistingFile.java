package dev.fieldpoll.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteDataSource;

/**
 * A database file opened as it is and read-only: never created, migrated or changed. For the tools
 * that look at a file a running fieldpoll may be writing (backup, check); WAL lets them read beside it.
 */
final class ExistingFile {

    private final Path file;
    private final DatabaseSettings settings = DatabaseSettings.defaults().withReadOnly(true);
    private final SqliteErrors errors;

    ExistingFile(Path file) {
        this.file = file;
        this.errors = new SqliteErrors(file, settings.busyTimeout());
    }

    SqliteErrors errors() {
        return errors;
    }

    /** Fails with a clear StoreException when the file is missing or a folder. */
    SQLiteDataSource dataSource() {
        new DatabaseFile(file, errors).prepare(true);
        return Database.dataSource(file, settings);
    }

    Connection connect(SQLiteDataSource dataSource) {
        try {
            return ConnectionPool.openChecked(dataSource);
        } catch (SQLException e) {
            throw errors.translateOpening(e);
        }
    }
}
