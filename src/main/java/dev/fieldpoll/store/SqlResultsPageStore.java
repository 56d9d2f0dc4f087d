package dev.fieldpoll.store;

import dev.fieldpoll.poll.PageSharing;
import dev.fieldpoll.poll.ResultsPageStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The results pages' secret and public flags in fieldpoll's database, SQLite or PostgreSQL
 * (migration V9). The flag is written TRUE and FALSE, which SQLite stores as 1 and 0.
 */
public final class SqlResultsPageStore implements ResultsPageStore {

    private static final String SECRET = "SELECT secret FROM web_link_secret WHERE id = 1";
    private static final String SHARING = "SELECT public, generation FROM poll_page WHERE poll_id = ?";
    // A private page made public starts a new generation; a public one stays as it is.
    private static final String MAKE_PUBLIC = "INSERT INTO poll_page (poll_id, public, generation, changed_by, "
            + "changed_at) VALUES (?, TRUE, 1, ?, ?) ON CONFLICT (poll_id) DO UPDATE SET public = TRUE, "
            + "generation = poll_page.generation + 1, changed_by = excluded.changed_by, "
            + "changed_at = excluded.changed_at WHERE poll_page.public = FALSE";
    private static final String MAKE_PRIVATE = "UPDATE poll_page SET public = FALSE, changed_by = ?, changed_at = ? "
            + "WHERE poll_id = ? AND public = TRUE";

    private final Database database;
    private final SqlDialect dialect;

    public SqlResultsPageStore(Database database) {
        this.database = database;
        this.dialect = database.dialect();
    }

    @Override
    public byte[] linkSecret() {
        return database.withConnection("read the results-page secret", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SECRET);
                    ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the database has no results-page secret (migration V9)");
                }
                return row.getBytes(1);
            }
        });
    }

    @Override
    public PageSharing sharing(long pollId) {
        return database.withConnection(
                "read how the page of poll " + pollId + " is shared", connection -> sharing(connection, pollId));
    }

    @Override
    public PageSharing share(long pollId, boolean makePublic, String byUserId, Instant at) {
        return database.inTransaction("share the page of poll " + pollId, connection -> {
            if (makePublic) {
                try (PreparedStatement upsert = connection.prepareStatement(MAKE_PUBLIC)) {
                    upsert.setLong(1, pollId);
                    upsert.setString(2, byUserId);
                    dialect.setTime(upsert, 3, at);
                    upsert.executeUpdate();
                }
            } else {
                try (PreparedStatement update = connection.prepareStatement(MAKE_PRIVATE)) {
                    update.setString(1, byUserId);
                    dialect.setTime(update, 2, at);
                    update.setLong(3, pollId);
                    update.executeUpdate();
                }
            }
            return sharing(connection, pollId);
        });
    }

    private static PageSharing sharing(Connection connection, long pollId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SHARING)) {
            select.setLong(1, pollId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new PageSharing(row.getBoolean(1), row.getInt(2)) : PageSharing.PRIVATE;
            }
        }
    }
}
