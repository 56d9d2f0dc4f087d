package dev.fieldpoll.store;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.NewPoll;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.PollStore;
import dev.fieldpoll.poll.Workspace;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls and votes in fieldpoll's database, SQLite or PostgreSQL. Every write is committed before a
 * method returns. Thread-safe: the database serialises writes, and the caches here are concurrent maps.
 */
public final class SqlPollStore implements PollStore {

    private static final Logger log = LoggerFactory.getLogger(SqlPollStore.class);
    private static final int SECRET_BYTES = 32;

    private final Database database;
    private final SecureRandom random;
    private final PollTable polls;
    private final DefinitionTables definitions = new DefinitionTables();
    private final VoteTable votes;
    /**
     * A poll's fields, factors and reference are copied in at creation and never change, so each vote
     * needs to read only the poll's row. Filled from reads alone, which see committed polls only.
     */
    private final Map<Long, PollDefinition> definitionsRead = new ConcurrentHashMap<>();
    /**
     * Per poll, how many changes to its answers or status this process has committed: raised after
     * the commit, so whatever was computed under an older number may hold older data, never newer.
     */
    private final Map<Long, Long> versions = new ConcurrentHashMap<>();

    public SqlPollStore(Database database) {
        this.database = database;
        this.random = new SecureRandom();
        this.polls = new PollTable(database.statements(), database.dialect());
        this.votes = new VoteTable(database.statements(), database.dialect());
    }

    @Override
    public Poll create(NewPoll poll) {
        return database.inTransaction("create a poll in channel " + poll.channelId(), connection -> {
            long id = polls.insert(connection, poll, newSecret());
            definitions.insert(connection, id, poll.definition());
            // Read back, so the caller holds the poll exactly as stored (times to the millisecond). Not
            // cached: this transaction may still roll back, and the id come again with another definition.
            PollRow row = polls.byId(connection, id).orElseThrow();
            return row.toPoll(definitions.load(connection, id, row.scale(), row.higher()));
        });
    }

    @Override
    public Optional<Poll> find(Workspace workspace, String channelId, long pollId) {
        return database.withConnection(
                "read poll " + pollId,
                connection -> withDefinition(connection, polls.inChannel(connection, workspace, channelId, pollId)));
    }

    @Override
    public Optional<Poll> findById(long pollId) {
        return database.withConnection(
                "read poll " + pollId, connection -> withDefinition(connection, polls.byId(connection, pollId)));
    }

    @Override
    public List<Poll> listInChannel(Workspace workspace, String channelId) {
        return database.withConnection("list the polls of channel " + channelId, connection -> {
            List<Poll> found = new ArrayList<>();
            for (PollRow row : polls.inChannel(connection, workspace, channelId)) {
                found.add(withDefinition(connection, row));
            }
            return found;
        });
    }

    @Override
    public void saveAnswers(long pollId, String voterId, Map<CellKey, Answer> answers, Instant at) {
        if (answers.isEmpty()) {
            return;
        }
        // Votes come in bursts: a shared transaction lets concurrent voters share one sync to disk.
        database.inSharedTransaction("save answers in poll " + pollId, connection -> {
            votes.upsert(connection, pollId, voterId, answers, at);
            return null;
        });
        changed(pollId);
    }

    @Override
    public int clearAnswers(long pollId, String voterId, Collection<CellKey> cells) {
        if (cells.isEmpty()) {
            return 0;
        }
        int removed = database.inSharedTransaction(
                "clear answers in poll " + pollId, connection -> votes.delete(connection, pollId, voterId, cells));
        changed(pollId);
        return removed;
    }

    @Override
    public Ballot ballot(long pollId, String voterId) {
        return database.withConnection(
                "read a ballot of poll " + pollId,
                connection -> new Ballot(pollId, voterId, votes.ballot(connection, pollId, voterId)));
    }

    @Override
    public List<CellCounts> counts(long pollId) {
        return database.withConnection("count the answers of poll " + pollId, connection -> {
            Optional<Poll> poll = withDefinition(connection, polls.byId(connection, pollId));
            return poll.isEmpty()
                    ? List.of()
                    : counts(connection, pollId, poll.get().definition());
        });
    }

    /** One {@link CellCounts} per answered cell, in ballot order; SQL does the counting. */
    private List<CellCounts> counts(Connection connection, long pollId, PollDefinition definition) throws SQLException {
        Map<CellKey, CellTally> tallies = new HashMap<>();
        votes.counts(connection, pollId, (cell, score, answers) -> {
            CellTally tally = tallies.computeIfAbsent(cell, unused -> new CellTally(definition.scale()));
            if (!tally.add(score, answers)) {
                log.warn(
                        "Poll {} holds {} answers of {} in cell {}/{}, outside its scale {}; they are not counted",
                        pollId,
                        answers,
                        score,
                        cell.field(),
                        cell.factor(),
                        definition.scale());
            }
        });
        return definition.cells().stream()
                .filter(cell -> tallies.containsKey(cell) && !tallies.get(cell).isEmpty())
                .map(cell -> tallies.get(cell).toCounts(cell))
                .toList();
    }

    @Override
    public int voterCount(long pollId) {
        return database.withConnection(
                "count the voters of poll " + pollId, connection -> votes.voterCount(connection, pollId));
    }

    /**
     * Holds one pooled connection for the whole visit; a visitor that calls back into the store
     * needs a second one, so keep visitors to collecting.
     */
    @Override
    public void forEachAnswer(long pollId, AnswerVisitor visitor) {
        database.withConnection("read the answers of poll " + pollId, connection -> {
            votes.forEach(connection, pollId, visitor);
            return null;
        });
    }

    @Override
    public long dataVersion(long pollId) {
        return versions.getOrDefault(pollId, 0L);
    }

    private void changed(long pollId) {
        versions.merge(pollId, 1L, Long::sum);
    }

    @Override
    public boolean close(long pollId, Instant at) {
        boolean closed =
                database.inTransaction("close poll " + pollId, connection -> polls.close(connection, pollId, at));
        changed(pollId);
        return closed;
    }

    @Override
    public void recordMessage(long pollId, String messageId) {
        database.inTransaction("remember the message of poll " + pollId, connection -> {
            if (!polls.setMessage(connection, pollId, messageId)) {
                throw new IllegalArgumentException("there is no poll " + pollId);
            }
            return null;
        });
    }

    @Override
    public Optional<String> messageId(long pollId) {
        return database.withConnection(
                "read the message of poll " + pollId, connection -> polls.message(connection, pollId));
    }

    @Override
    public byte[] pseudonymSecret(long pollId) {
        return database.withConnection(
                        "read the pseudonym secret of poll " + pollId,
                        connection -> polls.pseudonymSecret(connection, pollId))
                .orElseThrow(() -> new IllegalArgumentException("there is no poll " + pollId));
    }

    private byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    private Optional<Poll> withDefinition(Connection connection, Optional<PollRow> row) throws SQLException {
        return row.isEmpty() ? Optional.empty() : Optional.of(withDefinition(connection, row.get()));
    }

    private Poll withDefinition(Connection connection, PollRow row) throws SQLException {
        PollDefinition definition = definitionsRead.get(row.id());
        if (definition == null) {
            definition = definitions.load(connection, row.id(), row.scale(), row.higher());
            definitionsRead.put(row.id(), definition);
        }
        return row.toPoll(definition);
    }
}
