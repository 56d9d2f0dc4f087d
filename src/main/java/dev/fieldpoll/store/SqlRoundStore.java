package dev.fieldpoll.store;

import dev.fieldpoll.poll.NewPoll;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.RoundLink;
import dev.fieldpoll.poll.RoundStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Rounds of polls in fieldpoll's database (table poll_round, migration V13), SQLite or PostgreSQL.
 * Thread-safe: it keeps no state; the database's writer orders the writes.
 */
public final class SqlRoundStore implements RoundStore {

    private static final String INSERT =
            "INSERT INTO poll_round (poll_id, previous_poll_id, first_poll_id, round) VALUES (?, ?, ?, ?)";
    private static final String LINK =
            "SELECT poll_id, previous_poll_id, first_poll_id, round FROM poll_round WHERE poll_id = ?";
    private static final String NEXT = "SELECT poll_id FROM poll_round WHERE previous_poll_id = ?";

    private final Database database;
    private final SqlPollStore polls;

    public SqlRoundStore(Database database, SqlPollStore polls) {
        this.database = database;
        this.polls = polls;
    }

    /** The new poll and its link in one transaction; the previous round's UNIQUE link refuses a second rerun. */
    @Override
    public CompletionStage<Poll> createRound(NewPoll poll, long previousPollId, long firstPollId, int round) {
        return database.inSharedTransactionAsync("open round " + round + " of poll " + firstPollId, connection -> {
            Poll created = polls.insert(connection, poll);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setLong(1, created.id());
                insert.setLong(2, previousPollId);
                insert.setLong(3, firstPollId);
                insert.setInt(4, round);
                insert.executeUpdate();
            }
            return created;
        });
    }

    @Override
    public Optional<RoundLink> link(long pollId) {
        return database.withConnection("read the round of poll " + pollId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(LINK)) {
                select.setLong(1, pollId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new RoundLink(row.getLong(1), row.getLong(2), row.getLong(3), row.getInt(4)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<Long> nextRound(long pollId) {
        return database.withConnection("read the next round of poll " + pollId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(NEXT)) {
                select.setLong(1, pollId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
                }
            }
        });
    }
}
