package dev.fieldpoll.store;

import dev.fieldpoll.summary.ReminderStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Closing-soon reminders in fieldpoll's database, SQLite or PostgreSQL. Booleans are bound as
 * booleans and written TRUE and FALSE, which SQLite stores as 1 and 0 and PostgreSQL as BOOLEAN.
 */
public final class SqlReminderStore implements ReminderStore {

    private static final String OWED =
            "SELECT poll.id FROM poll LEFT JOIN poll_reminder ON poll_reminder.poll_id = poll.id "
                    + "WHERE poll.closed_at IS NULL AND poll.closes_at > ? AND poll.closes_at <= ? "
                    + "AND (poll_reminder.poll_id IS NULL OR (poll_reminder.enabled = TRUE AND poll_reminder.sent_at IS NULL)) "
                    + "ORDER BY poll.closes_at, poll.id";
    // Inserting or updating only an unsent, enabled row makes the claim once-only across processes.
    private static final String CLAIM = "INSERT INTO poll_reminder (poll_id, enabled, sent_at) VALUES (?, TRUE, ?) "
            + "ON CONFLICT (poll_id) DO UPDATE SET sent_at = excluded.sent_at "
            + "WHERE poll_reminder.sent_at IS NULL AND poll_reminder.enabled = TRUE";

    private final Database database;
    private final SqlDialect dialect;

    public SqlReminderStore(Database database) {
        this.database = database;
        this.dialect = database.dialect();
    }

    @Override
    public List<Long> owedBetween(Instant from, Instant to) {
        return database.withConnection("find polls owing a closing reminder", connection -> {
            try (PreparedStatement select = connection.prepareStatement(OWED)) {
                dialect.setTime(select, 1, from);
                dialect.setTime(select, 2, to);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public boolean claim(long pollId, Instant at) {
        return database.inTransaction("claim the closing reminder of poll " + pollId, connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setLong(1, pollId);
                dialect.setTime(claim, 2, at);
                return claim.executeUpdate() == 1;
            }
        });
    }
}
