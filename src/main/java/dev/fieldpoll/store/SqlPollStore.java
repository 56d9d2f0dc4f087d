package dev.fieldpoll.store;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.EditPlan;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.NewPoll;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollChange;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.PollLifecycleStore;
import dev.fieldpoll.poll.PollStore;
import dev.fieldpoll.poll.Workspace;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls and votes in fieldpoll's database, SQLite or PostgreSQL. The writes a member waits for go
 * through {@link Database#inSharedTransactionAsync} and complete their stage once committed; the
 * others are committed before a method returns. Thread-safe: the database's writer orders the
 * writes, and the caches here are concurrent maps.
 */
public final class SqlPollStore implements PollStore, PollLifecycleStore {

    private static final Logger log = LoggerFactory.getLogger(SqlPollStore.class);
    private static final int SECRET_BYTES = 32;
    private static final String REMINDER_OFF = "INSERT INTO poll_reminder (poll_id, enabled) VALUES (?, FALSE)";

    private final Database database;
    private final SecureRandom random;
    private final PollTable polls;
    private final DefinitionTables definitions = new DefinitionTables();
    private final VoteTable votes;
    private final ClosingTable closings;
    private final LifecycleTables lifecycle;
    /**
     * A poll's fields, factors and reference are copied in at creation and change only by an edit,
     * which drops the poll from here after its commit, so each vote needs to read only the poll's
     * row. Filled from reads alone, which see committed polls only.
     */
    private final Map<Long, PollDefinition> definitionsRead = new ConcurrentHashMap<>();
    /**
     * Per poll, how many changes to its answers or status this process has committed: raised after
     * the commit, so whatever was computed under an older number may hold older data, never newer.
     */
    private final Map<Long, Long> versions = new ConcurrentHashMap<>();

    private final PollCache cached;

    /** {@code clock} ages the cached polls that votes look up. */
    public SqlPollStore(Database database, Clock clock) {
        this.database = database;
        this.cached = new PollCache(clock);
        this.random = new SecureRandom();
        this.polls = new PollTable(database.statements(), database.dialect());
        this.votes = new VoteTable(database.statements(), database.dialect());
        this.closings = new ClosingTable(database.dialect());
        this.lifecycle = new LifecycleTables(database.dialect());
    }

    /** One shared transaction: the poll, its definition and, with remind off, its reminder switched off. */
    @Override
    public CompletionStage<Poll> create(NewPoll poll) {
        return database.inSharedTransactionAsync(
                "create a poll in channel " + poll.channelId(), connection -> insert(connection, poll));
    }

    /** Writes the poll and its definition in the caller's transaction (a new poll, or a poll's next round). */
    Poll insert(Connection connection, NewPoll poll) throws SQLException {
        long id = polls.insert(connection, poll, newSecret());
        definitions.insert(connection, id, poll.definition());
        if (!poll.remind()) {
            reminderOff(connection, id);
        }
        // Read back, so the caller holds the poll exactly as stored (times to the millisecond). Not
        // cached: this transaction may still roll back, and the id come again with another definition.
        PollRow row = polls.byId(connection, id).orElseThrow();
        return row.toPoll(definitions.load(connection, id, row.scale(), row.higher()));
    }

    private static void reminderOff(Connection connection, long pollId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(REMINDER_OFF)) {
            insert.setLong(1, pollId);
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<Poll> find(Workspace workspace, String channelId, long pollId) {
        return database.withConnection(
                "read poll " + pollId,
                connection -> withDefinition(connection, polls.inChannel(connection, workspace, channelId, pollId)));
    }

    @Override
    public Optional<Poll> findForVote(Workspace workspace, String channelId, long pollId) {
        return cached.get(pollId, () -> findById(pollId))
                .filter(poll ->
                        poll.workspace().equals(workspace) && poll.channelId().equals(channelId));
    }

    /**
     * Every write of a poll's row calls this once it committed (or failed: it may have committed): the
     * polls cached for votes forget it. Votes stay safe without it (their write checks that the poll
     * is open), but what they are shown would lag.
     */
    private void pollRowChanged(long pollId) {
        cached.forget(pollId);
    }

    @Override
    public Optional<Poll> findById(long pollId) {
        return database.withConnection(
                "read poll " + pollId, connection -> withDefinition(connection, polls.byId(connection, pollId)));
    }

    @Override
    public List<Poll> listInChannel(Workspace workspace, String channelId) {
        return database.withConnection(
                "list the polls of channel " + channelId,
                connection -> withDefinitions(connection, polls.inChannel(connection, workspace, channelId)));
    }

    @Override
    public List<Poll> notClosedInWorkspace(Workspace workspace) {
        return database.withConnection(
                "list the open polls of a workspace",
                connection -> withDefinitions(connection, polls.notClosedIn(connection, workspace)));
    }

    private List<Poll> withDefinitions(Connection connection, List<PollRow> rows) throws SQLException {
        List<Poll> found = new ArrayList<>();
        for (PollRow row : rows) {
            found.add(withDefinition(connection, row));
        }
        return found;
    }

    /**
     * Votes come in bursts: a shared transaction lets concurrent voters share one sync to disk. The
     * write is all the committer does for a vote: the ballot for the reply is read after the commit,
     * on a reader connection (WAL lets readers run beside the writer), so it shows what is on disk.
     */
    @Override
    public CompletionStage<Boolean> changeAnswers(
            long pollId, String voterId, Map<CellKey, Answer> answers, Collection<CellKey> clears, Instant at) {
        Map<CellKey, Answer> saved = Map.copyOf(answers);
        List<CellKey> withdrawn = List.copyOf(clears);
        VoteTable.VoteTime time = votes.voteTime(at);
        return database.inSharedTransactionAsync("save answers in poll " + pollId, connection -> {
                    boolean open = saved.isEmpty()
                            ? votes.isOpen(connection, pollId, at)
                            : votes.upsertIfOpen(connection, pollId, voterId, saved, time);
                    if (open && !withdrawn.isEmpty()) {
                        votes.deleteIfOpen(connection, pollId, voterId, withdrawn, at);
                    }
                    return open;
                })
                .thenApply(open -> {
                    if (open) {
                        changed(pollId);
                    } else {
                        // The caller saw it open: what it read (perhaps from the cache) is out of date.
                        pollRowChanged(pollId);
                    }
                    return open;
                });
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
    public CompletionStage<Boolean> close(long pollId, Instant at) {
        return database.inSharedTransactionAsync(
                        "close poll " + pollId, connection -> polls.close(connection, pollId, at))
                .whenComplete((closed, failure) -> pollRowChanged(pollId))
                .thenApply(closed -> {
                    changed(pollId);
                    return closed;
                });
    }

    @Override
    public CompletionStage<Void> recordMessage(long pollId, String messageId) {
        return database.<Void>inSharedTransactionAsync("remember the message of poll " + pollId, connection -> {
                    if (!polls.setMessage(connection, pollId, messageId)) {
                        throw new IllegalArgumentException("there is no poll " + pollId);
                    }
                    return null;
                })
                .whenComplete((done, failure) -> pollRowChanged(pollId));
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

    @Override
    public List<Poll> closedUnhandled(Instant now, Duration lease) {
        return database.withConnection("find polls whose closing is not handled", connection -> {
            List<Poll> found = new ArrayList<>();
            for (PollRow row : closings.unhandled(connection, now, lease)) {
                found.add(withDefinition(connection, row));
            }
            return found;
        });
    }

    @Override
    public boolean claimClosing(long pollId, Instant now, Duration lease) {
        return database.inTransaction(
                "claim the closing of poll " + pollId, connection -> closings.claim(connection, pollId, now, lease));
    }

    @Override
    public void closingHandled(long pollId, Instant at) {
        database.inTransaction("record the closing of poll " + pollId + " as handled", connection -> {
            closings.handled(connection, pollId, at);
            return null;
        });
    }

    @Override
    public Optional<Instant> nextClose(Instant after) {
        return database.withConnection(
                "find the next poll to close", connection -> closings.nextClose(connection, after));
    }

    @Override
    public List<Field> removedFields(long pollId) {
        return database.withConnection(
                "read the removed fields of poll " + pollId, connection -> lifecycle.removed(connection, pollId));
    }

    /** One shared transaction; the cached definition is dropped after the commit, and the poll read back inside it. */
    @Override
    public CompletionStage<Poll> edit(long pollId, EditPlan plan, String by, Instant at) {
        return database.inSharedTransactionAsync("edit poll " + pollId, connection -> {
                    lifecycle.edit(connection, pollId, plan, at);
                    lifecycle.note(connection, pollId, plan.notes(), by, at);
                    return readBack(connection, pollId);
                })
                .thenApply(poll -> rereadAfter(pollId, poll));
    }

    @Override
    public CompletionStage<Poll> reopen(long pollId, Instant closesAt, String by, Instant at) {
        return database.inSharedTransactionAsync("reopen poll " + pollId, connection -> {
                    lifecycle.reopen(connection, pollId, closesAt);
                    lifecycle.note(connection, pollId, List.of("Reopened"), by, at);
                    return readBack(connection, pollId);
                })
                .thenApply(poll -> rereadAfter(pollId, poll));
    }

    @Override
    public CompletionStage<Optional<String>> delete(long pollId) {
        return database.inSharedTransactionAsync(
                        "delete poll " + pollId,
                        connection -> Optional.ofNullable(lifecycle.delete(connection, pollId)))
                .thenApply(message -> {
                    definitionsRead.remove(pollId);
                    changed(pollId);
                    pollRowChanged(pollId);
                    return message;
                });
    }

    @Override
    public CompletionStage<List<Long>> forget(String voterId, List<Long> pollIds) {
        List<Long> polls = List.copyOf(pollIds);
        return database.inSharedTransactionAsync(
                        "forget a voter's answers in " + polls.size() + " polls",
                        connection -> lifecycle.forget(connection, voterId, polls))
                .thenApply(changedPolls -> {
                    changedPolls.forEach(this::changed);
                    return changedPolls;
                });
    }

    @Override
    public List<Long> pollsOfWorkspace(Workspace workspace) {
        return database.withConnection(
                "list the polls of a workspace", connection -> lifecycle.pollsOf(connection, workspace));
    }

    @Override
    public int completeBallots(long pollId, int cells) {
        return database.withConnection(
                "count the complete ballots of poll " + pollId,
                connection -> lifecycle.completeBallots(connection, pollId, cells));
    }

    @Override
    public List<PollChange> changesSince(long pollId, Instant after) {
        return database.withConnection(
                "read the changes of poll " + pollId, connection -> lifecycle.changesSince(connection, pollId, after));
    }

    /** The poll as this transaction left it, its definition read afresh (not from the cache). */
    private Poll readBack(Connection connection, long pollId) throws SQLException {
        PollRow row = polls.byId(connection, pollId).orElseThrow();
        return row.toPoll(definitions.load(connection, pollId, row.scale(), row.higher()));
    }

    /** After an edit's commit: the cached definition goes, and what was computed from the poll is stale. */
    private Poll rereadAfter(long pollId, Poll poll) {
        // the version first: a read that loaded the old definition then does not cache it
        changed(pollId);
        definitionsRead.remove(pollId);
        pollRowChanged(pollId);
        return poll;
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
            long version = dataVersion(row.id());
            definition = definitions.load(connection, row.id(), row.scale(), row.higher());
            // An edit committed meanwhile raised the version: what was read may be from before it.
            if (dataVersion(row.id()) == version) {
                definitionsRead.put(row.id(), definition);
            }
        }
        return row.toPoll(definition);
    }
}
