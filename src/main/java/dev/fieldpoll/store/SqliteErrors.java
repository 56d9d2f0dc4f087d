package dev.fieldpoll.store;

import dev.fieldpoll.poll.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's failures into messages a person running fieldpoll can act on. */
final class SqliteErrors implements StoreErrors {

    private final Path file;
    private final Duration busyTimeout;

    SqliteErrors(Path file, Duration busyTimeout) {
        this.file = file;
        this.busyTimeout = busyTimeout;
    }

    @Override
    public StoreException translate(SQLException failure, String action) {
        return new StoreException(kind(failure), "Could not " + action + ": " + reason(failure), failure);
    }

    /** A failure while opening the file, when the reason alone says it best. */
    StoreException translateOpening(SQLException failure) {
        return new StoreException(kind(failure), capitalized(reason(failure)), failure);
    }

    StoreException notADatabase(Throwable cause) {
        return new StoreException(StoreException.Kind.NOT_A_DATABASE, capitalized(notADatabaseReason()), cause);
    }

    /** A SQLite file that another program made: fieldpoll leaves it exactly as it found it. */
    StoreException foreignDatabase(String detail) {
        return new StoreException(
                StoreException.Kind.NOT_A_DATABASE,
                "The database file " + file + " belongs to another program (" + detail + "), so fieldpoll left it "
                        + "untouched. Point database.path at a fieldpoll database or a new file.",
                null);
    }

    StoreException unreadable(java.io.IOException cause) {
        return new StoreException(
                "Could not read the database file " + file + " (" + cause.getMessage() + "). "
                        + "Check that the user running fieldpoll may read it.",
                cause);
    }

    StoreException readOnly(Throwable cause) {
        return new StoreException(StoreException.Kind.READ_ONLY, capitalized(readOnlyReason()), cause);
    }

    /** What a member's answer needs to know about the failure. */
    static StoreException.Kind kind(SQLException failure) {
        SQLiteException sqlite = findSqliteException(failure);
        if (sqlite == null) {
            return StoreException.Kind.OTHER;
        }
        return switch (primary(sqlite.getResultCode())) {
            case SQLITE_BUSY, SQLITE_LOCKED -> StoreException.Kind.BUSY;
            case SQLITE_FULL -> StoreException.Kind.FULL;
            case SQLITE_READONLY, SQLITE_PERM -> StoreException.Kind.READ_ONLY;
            case SQLITE_CORRUPT -> StoreException.Kind.CORRUPT;
            case SQLITE_NOTADB -> StoreException.Kind.NOT_A_DATABASE;
            default -> StoreException.Kind.OTHER;
        };
    }

    /** Whether another connection held the lock for longer than SQLite's busy handler kept retrying. */
    @Override
    public boolean failsEveryWrite(SQLException failure) {
        return kind(failure) == StoreException.Kind.BUSY;
    }

    /**
     * Whether writing failed (a full disk, a write or sync error), as opposed to reading: for a copy,
     * whose source is only read, that points at the disk of the copy.
     */
    static boolean isWriteFailure(SQLException failure) {
        SQLiteException sqlite = findSqliteException(failure);
        if (sqlite == null) {
            return false;
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        return primary(code) == SQLiteErrorCode.SQLITE_FULL
                || (primary(code) == SQLiteErrorCode.SQLITE_IOERR
                        && code != SQLiteErrorCode.SQLITE_IOERR_READ
                        && code != SQLiteErrorCode.SQLITE_IOERR_SHORT_READ);
    }

    /** SQLite's answer to a ROLLBACK after it had already rolled the transaction back itself (after SQLITE_FULL). */
    static boolean isNoTransaction(SQLException failure) {
        return failure.getMessage() != null && failure.getMessage().contains("no transaction is active");
    }

    private String reason(SQLException failure) {
        SQLiteException sqlite = findSqliteException(failure);
        if (sqlite == null) {
            return "the database " + file + " failed: " + failure.getMessage();
        }
        return switch (primary(sqlite.getResultCode())) {
            case SQLITE_NOTADB -> notADatabaseReason();
            case SQLITE_READONLY, SQLITE_PERM -> readOnlyReason();
            case SQLITE_CANTOPEN ->
                "cannot open the database file " + file + " or the -wal and -shm files beside it. "
                        + "Check that its folder exists and the user running fieldpoll may write there.";
            case SQLITE_BUSY, SQLITE_LOCKED ->
                "the database file " + file + " stayed locked by another program for " + "longer than "
                        + busyTimeout.toMillis() + " ms. Stop the other program or raise the busy timeout.";
            case SQLITE_FULL ->
                "the disk holding " + file + " is full. Free some space; nothing of this change was saved.";
            case SQLITE_CORRUPT -> "the database file " + file + " is damaged. Restore it from a backup.";
            case SQLITE_IOERR ->
                "reading or writing " + file + " failed (disk I/O error). Check the disk; "
                        + "nothing of this change was saved.";
            case SQLITE_CONSTRAINT -> constraintReason(sqlite);
            default -> "the database " + file + " failed: " + sqlite.getMessage();
        };
    }

    private String constraintReason(SQLiteException failure) {
        String kind = failure.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY
                ? "it names a poll, field or factor that does not exist"
                : "the database refused a value (" + failure.getMessage() + ")";
        return kind + ". Nothing of this change was saved in " + file + ".";
    }

    private String notADatabaseReason() {
        return "the database file " + file + " is not a SQLite database. "
                + "Point database.path at a fieldpoll database or a new file.";
    }

    private String readOnlyReason() {
        return "the database file " + file + " is read-only, so fieldpoll cannot save polls or votes. "
                + "Make the file and its folder writable for the user running fieldpoll.";
    }

    /** Extended result codes (e.g. SQLITE_READONLY_DBMOVED) share the low byte of their primary code. */
    private static SQLiteErrorCode primary(SQLiteErrorCode code) {
        SQLiteErrorCode primary = SQLiteErrorCode.getErrorCode(code.code & 0xff);
        return primary == SQLiteErrorCode.UNKNOWN_ERROR ? code : primary;
    }

    private static SQLiteException findSqliteException(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                return sqlite;
            }
        }
        SQLException next = failure.getNextException();
        return next == null || next == failure ? null : findSqliteException(next);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
