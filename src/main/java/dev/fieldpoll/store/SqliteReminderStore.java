package dev.fieldpoll.store;

import dev.fieldpoll.summary.ReminderStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Closing-soon reminders in fieldpoll's SQLite database. */
public final class SqliteReminderStore implements ReminderStore {

    private static final String OWED =
            "SELECT poll.id FROM poll LEFT JOIN poll_reminder ON poll_reminder.poll_id = poll.id "
                    + "WHERE poll.closed_at IS NULL AND poll.closes_at > ? AND poll.closes_at <= ? "
                    + "AND (poll_reminder.poll_id IS NULL OR (poll_reminder.enabled = 1 AND poll_reminder.sent_at IS NULL)) "
                    + "ORDER BY poll.closes_at";
    // Inserting or updating only an unsent, enabled row makes the claim once-only across processes.
    private static final String CLAIM = "INSERT INTO poll_reminder (poll_id, enabled, sent_at) VALUES (?, 1, ?) "
            + "ON CONFLICT (poll_id) DO UPDATE SET sent_at = excluded.sent_at "
            + "WHERE poll_reminder.sent_at IS NULL AND poll_reminder.enabled = 1";

    private final Database database;

    public SqliteReminderStore(Database database) {
        this.database = database;
    }

    @Override
    public List<Long> owedBetween(Instant from, Instant to) {
        return database.withConnection("find polls owing a closing reminder", connection -> {
            try (PreparedStatement select = connection.prepareStatement(OWED)) {
                select.setString(1, UtcText.format(from));
                select.setString(2, UtcText.format(to));
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
                claim.setString(2, UtcText.format(at));
                return claim.executeUpdate() == 1;
            }
        });
    }
}
