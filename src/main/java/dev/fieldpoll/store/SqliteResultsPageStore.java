package dev.fieldpoll.store;

import dev.fieldpoll.poll.PageSharing;
import dev.fieldpoll.poll.ResultsPageStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The results pages' secret and public flags in fieldpoll's SQLite database (migration V9). */
public final class SqliteResultsPageStore implements ResultsPageStore {

    private static final String SECRET = "SELECT secret FROM web_link_secret WHERE id = 1";
    private static final String SHARING = "SELECT public, generation FROM poll_page WHERE poll_id = ?";
    // A private page made public starts a new generation; a public one stays as it is.
    private static final String MAKE_PUBLIC =
            "INSERT INTO poll_page (poll_id, public, generation, changed_by, changed_at) VALUES (?, 1, 1, ?, ?) "
                    + "ON CONFLICT (poll_id) DO UPDATE SET public = 1, generation = poll_page.generation + 1, "
                    + "changed_by = excluded.changed_by, changed_at = excluded.changed_at WHERE poll_page.public = 0";
    private static final String MAKE_PRIVATE =
            "UPDATE poll_page SET public = 0, changed_by = ?, changed_at = ? WHERE poll_id = ? AND public = 1";

    private final Database database;

    public SqliteResultsPageStore(Database database) {
        this.database = database;
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
                    upsert.setString(3, UtcText.format(at));
                    upsert.executeUpdate();
                }
            } else {
                try (PreparedStatement update = connection.prepareStatement(MAKE_PRIVATE)) {
                    update.setString(1, byUserId);
                    update.setString(2, UtcText.format(at));
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
                return row.next() ? new PageSharing(row.getInt(1) == 1, row.getInt(2)) : PageSharing.PRIVATE;
            }
        }
    }
}
