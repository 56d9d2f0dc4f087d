package dev.fieldpoll.store;

import dev.fieldpoll.summary.ResultsPostStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The results posts of closed polls, their claims and delivered parts, in fieldpoll's database (migration V10). */
public final class SqlResultsPostStore implements ResultsPostStore {

    // The WHERE of the upsert makes the claim once-only: a posted row, or a claim still within its
    // lease, leaves the row untouched and the update count at 0.
    private static final String CLAIM = "INSERT INTO results_post (poll_id, claimed_at) VALUES (?, ?) "
            + "ON CONFLICT (poll_id) DO UPDATE SET claimed_at = excluded.claimed_at "
            + "WHERE results_post.posted_at IS NULL AND results_post.claimed_at <= ?";
    private static final String POSTED = "UPDATE results_post SET posted_at = ?, link = ? WHERE poll_id = ?";
    private static final String LINK = "SELECT link FROM results_post WHERE poll_id = ? AND posted_at IS NOT NULL";
    // Owed: the closing was handled (the refresher heard it), and no post is done or claimed in time.
    private static final String OWED = "SELECT poll_closing.poll_id FROM poll_closing"
            + " LEFT JOIN results_post ON results_post.poll_id = poll_closing.poll_id"
            + " WHERE poll_closing.handled_at IS NOT NULL AND (results_post.poll_id IS NULL"
            + " OR (results_post.posted_at IS NULL AND results_post.claimed_at <= ?))"
            + " ORDER BY poll_closing.poll_id";
    private static final String PARTS = "SELECT part FROM results_post_part WHERE poll_id = ?";
    private static final String PART = "INSERT INTO results_post_part (poll_id, part, delivered_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (poll_id, part) DO NOTHING";
    private static final String FORGET = "DELETE FROM results_post_part WHERE poll_id = ?";

    private final Database database;
    private final SqlDialect dialect;

    public SqlResultsPostStore(Database database) {
        this.database = database;
        this.dialect = database.dialect();
    }

    @Override
    public boolean claim(long pollId, Instant now, Duration lease) {
        return database.inTransaction("claim the results post of poll " + pollId, connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setLong(1, pollId);
                dialect.setTime(claim, 2, now);
                dialect.setTime(claim, 3, now.minus(lease));
                return claim.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void markPosted(long pollId, Instant postedAt, Optional<String> link) {
        database.inTransaction("record the results post of poll " + pollId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(POSTED)) {
                dialect.setTime(update, 1, postedAt);
                update.setString(2, link.orElse(null));
                update.setLong(3, pollId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public Optional<String> link(long pollId) {
        return database.withConnection("read the results post of poll " + pollId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(LINK)) {
                select.setLong(1, pollId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Long> owed(Instant now, Duration lease) {
        return database.withConnection("find results posts owed", connection -> {
            try (PreparedStatement select = connection.prepareStatement(OWED)) {
                dialect.setTime(select, 1, now.minus(lease));
                List<Long> owed = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        owed.add(rows.getLong(1));
                    }
                }
                return owed;
            }
        });
    }

    @Override
    public Set<String> deliveredParts(long pollId) {
        return database.withConnection("read the delivered parts of poll " + pollId + "'s results", connection -> {
            try (PreparedStatement select = connection.prepareStatement(PARTS)) {
                select.setLong(1, pollId);
                Set<String> parts = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        parts.add(rows.getString(1));
                    }
                }
                return parts;
            }
        });
    }

    @Override
    public void partDelivered(long pollId, String part, Instant at) {
        database.inTransaction("record a part of poll " + pollId + "'s results as delivered", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(PART)) {
                insert.setLong(1, pollId);
                insert.setString(2, part);
                dialect.setTime(insert, 3, at);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public void forgetParts(long pollId) {
        database.inTransaction("forget the delivered parts of poll " + pollId + "'s results", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(FORGET)) {
                delete.setLong(1, pollId);
                return delete.executeUpdate();
            }
        });
    }
}
