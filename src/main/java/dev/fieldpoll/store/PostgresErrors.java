package dev.fieldpoll.store;

import dev.fieldpoll.poll.StoreException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Turns PostgreSQL's failures (by SQLSTATE) into messages a person running fieldpoll can act on,
 * in the words {@link SqliteErrors} uses for the same trouble, so a member hears the same sentence
 * whichever database fails. The database is named by its address, never with a password.
 */
final class PostgresErrors implements StoreErrors {

    private final String database;
    private final Duration busyTimeout;

    PostgresErrors(DatabaseTarget.Postgres target, Duration busyTimeout) {
        this.database = target.name();
        this.busyTimeout = busyTimeout;
    }

    @Override
    public StoreException translate(SQLException failure, String action) {
        return new StoreException(kind(failure), "Could not " + action + ": " + reason(failure), failure);
    }

    /** A failure to connect at all, when the reason alone says it best. */
    StoreException unreachable(SQLException failure) {
        String reason = reason(failure);
        return new StoreException(
                kind(failure), Character.toUpperCase(reason.charAt(0)) + reason.substring(1), failure);
    }

    @Override
    public boolean failsEveryWrite(SQLException failure) {
        String state = state(failure);
        return failure instanceof SQLTransientConnectionException
                || state.startsWith("08")
                || state.startsWith("57P")
                || state.equals("53300")
                || state.equals("55P03");
    }

    static StoreException.Kind kind(SQLException failure) {
        String state = state(failure);
        if (state.equals("55P03") || state.equals("40001") || state.equals("40P01")) {
            return StoreException.Kind.BUSY;
        }
        if (state.equals("53100")) {
            return StoreException.Kind.FULL;
        }
        if (state.equals("25006")) {
            return StoreException.Kind.READ_ONLY;
        }
        if (state.startsWith("XX00")) {
            return StoreException.Kind.CORRUPT;
        }
        return StoreException.Kind.OTHER;
    }

    private String reason(SQLException failure) {
        String state = state(failure);
        if (failure instanceof SQLTransientConnectionException && state.isEmpty()) {
            return "no connection to the PostgreSQL database " + database + " came free in time: all are in use, "
                    + "or the server stopped answering. Check the server, or raise database.pool-size.";
        }
        if (state.startsWith("08") || state.startsWith("57P") || failure instanceof SQLTransientConnectionException) {
            return "cannot reach the PostgreSQL database " + database + " (" + failure.getMessage() + "). "
                    + "Check that the server runs and database.url names it; nothing of this change was saved.";
        }
        if (state.startsWith("28")) {
            return "the PostgreSQL server refused the login to " + database + " (" + failure.getMessage() + "). "
                    + "Check the user in database.url and the password in FIELDPOLL_DATABASE_PASSWORD.";
        }
        if (state.equals("3D000")) {
            return "the PostgreSQL database " + database + " does not exist (" + failure.getMessage() + "). "
                    + "Create it (createdb), or point database.url at another database.";
        }
        return switch (state) {
            case "53300" ->
                "the PostgreSQL server of " + database + " has no connection left (max_connections). "
                        + "Lower database.pool-size, run fewer processes, or raise max_connections.";
            case "53100" ->
                "the disk of the PostgreSQL server of " + database + " is full. Free some space; "
                        + "nothing of this change was saved.";
            case "25006" ->
                "the PostgreSQL database " + database + " is read-only (a standby, or a read-only user), so "
                        + "fieldpoll cannot save polls or votes. Point database.url at the primary server.";
            case "55P03" ->
                "a row stayed locked by another process for longer than " + busyTimeout.toMillis()
                        + " ms. Stop the other program or raise the busy timeout.";
            case "40001", "40P01" ->
                "PostgreSQL gave up this change because another one conflicted with it; nothing of it was saved.";
            case "23503" ->
                "it names a poll, field or factor that does not exist. Nothing of this change was saved in " + database
                        + ".";
            default -> otherReason(failure, state);
        };
    }

    private String otherReason(SQLException failure, String state) {
        if (state.startsWith("23") || state.startsWith("22")) {
            return "the database refused a value (" + failure.getMessage() + "). Nothing of this change was saved in "
                    + database + ".";
        }
        if (state.startsWith("XX00")) {
            return "the PostgreSQL database " + database + " reports damaged data (" + failure.getMessage()
                    + "). Restore it from a backup.";
        }
        return "the PostgreSQL database " + database + " failed: " + failure.getMessage();
    }

    /** The SQLSTATE of the failure or of the first cause that has one; "" when none has. */
    private static String state(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }
}
