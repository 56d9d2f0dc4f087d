package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CHANNEL;
import static dev.fieldpoll.store.TestPolls.CREATED;
import static dev.fieldpoll.store.TestPolls.EVALS_ECONOMIC;
import static dev.fieldpoll.store.TestPolls.EVALS_FEEDBACK;
import static dev.fieldpoll.store.TestPolls.GUILD;
import static dev.fieldpoll.store.TestPolls.MECH_ECONOMIC;
import static dev.fieldpoll.store.TestPolls.MECH_FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.NewPoll;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.StoreException;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The poll store on both databases: each test runs on a SQLite file and on PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SqlPollStoreTest {

    private static final Instant LATER = CREATED.plusSeconds(3600);

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    private Database database;
    private SqlPollStore store;

    @BeforeEach
    void openStore() {
        database = Database.open(kind.create(dir), DatabaseSettings.defaults());
        store = new SqlPollStore(database, Clock.systemUTC());
    }

    @AfterEach
    void closeStore() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void thePollMessageIsRememberedAndReplaced() {
        // given
        Poll poll = Commits.create(store, TestPolls.newPoll());

        // when
        assertThat(store.messageId(poll.id())).isEmpty();
        Commits.join(store.recordMessage(poll.id(), "1700000000.000100"));
        Commits.join(store.recordMessage(poll.id(), "1700000000.000200"));

        // then
        assertThat(store.messageId(poll.id())).contains("1700000000.000200");
        assertThatThrownBy(() -> Commits.join(store.recordMessage(poll.id() + 99, "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findReturnsThePollAsCreated() {
        // given
        NewPoll newPoll = TestPolls.newPoll();

        // when
        Poll created = Commits.create(store, newPoll);

        // then
        Poll found = store.find(GUILD, CHANNEL, created.id()).orElseThrow();
        assertThat(found).isEqualTo(created);
        assertThat(found.workspace()).isEqualTo(GUILD);
        assertThat(found.channelId()).isEqualTo(CHANNEL);
        assertThat(found.title()).isEqualTo(newPoll.title());
        assertThat(found.templateKey()).isEqualTo("safety-fields");
        assertThat(found.definition()).isEqualTo(newPoll.definition());
        assertThat(found.definition().fields()).extracting("key").containsExactly("mech-interp", "evals", "oversight");
        assertThat(found.definition().factors()).extracting("weight").containsExactly(2.0, 0.5);
        assertThat(found.visibility()).isEqualTo(newPoll.visibility());
        assertThat(found.createdBy()).isEqualTo("user-42");
        assertThat(found.createdAt()).isEqualTo(CREATED);
        assertThat(found.closesAt()).isEqualTo(newPoll.closesAt());
        assertThat(found.closedAt()).isNull();
    }

    @Test
    void keepsReferenceScores() {
        assumeThat(TestPolls.referenceScoresCanBeBuilt())
                .as(
                        "PollDefinition cannot hold reference scores in this build (NullPointerException in its constructor)")
                .isTrue();
        // given
        NewPoll newPoll = TestPolls.newPoll(GUILD, CHANNEL, CREATED, TestPolls.definitionWithReference());

        // when
        Poll created = Commits.create(store, newPoll);

        // then
        assertThat(store.findById(created.id()).orElseThrow().definition().reference())
                .isEqualTo(newPoll.definition().reference());
    }

    @Test
    void keepsOptionalValuesEmpty() {
        // given
        NewPoll newPoll = new NewPoll(
                GUILD,
                CHANNEL,
                "Ad hoc",
                null,
                TestPolls.definition(),
                ResultsVisibility.LIVE,
                "user-1",
                CREATED,
                null,
                null,
                true,
                true);

        // when
        Poll found = store.findById(Commits.create(store, newPoll).id()).orElseThrow();

        // then
        assertThat(found.templateKey()).isNull();
        assertThat(found.closesAt()).isNull();
        assertThat(found.visibility()).isEqualTo(ResultsVisibility.LIVE);
    }

    @Test
    void storesTimesToTheMillisecondInUtc() {
        // given
        Instant withNanos = Instant.parse("2026-03-01T13:05:09.123456789Z");

        // when
        Poll created = Commits.create(store, TestPolls.newPoll(GUILD, CHANNEL, withNanos));

        // then
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-03-01T13:05:09.123Z"));
        assertThat(rawText("SELECT " + kind.utcText("created_at") + " FROM poll WHERE id = ?", created.id()))
                .isEqualTo("2026-03-01T13:05:09.123Z");
        assertThat(rawText("SELECT " + kind.utcText("closes_at") + " FROM poll WHERE id = ?", created.id()))
                .isEqualTo("2026-03-08T13:05:09.123Z");
    }

    @Test
    void findNeverCrossesWorkspaces() {
        // given
        Poll poll = Commits.create(store, TestPolls.newPoll());

        // when / then
        assertThat(store.find(new Workspace(Platform.DISCORD, "guild-2"), CHANNEL, poll.id()))
                .isEmpty();
        assertThat(store.find(new Workspace(Platform.SLACK, "guild-1"), CHANNEL, poll.id()))
                .isEmpty();
        assertThat(store.find(GUILD, CHANNEL, poll.id() + 1)).isEmpty();
        assertThat(store.find(GUILD, "channel-2", poll.id())).isEmpty();
        assertThat(store.find(GUILD, CHANNEL, poll.id())).isPresent();
    }

    @Test
    void listsAChannelsPollsNewestFirst() {
        // given
        Poll oldest = Commits.create(store, TestPolls.newPoll(GUILD, CHANNEL, CREATED));
        Poll newest = Commits.create(store, TestPolls.newPoll(GUILD, CHANNEL, CREATED.plusSeconds(20)));
        Poll middle = Commits.create(store, TestPolls.newPoll(GUILD, CHANNEL, CREATED.plusSeconds(10)));
        Commits.create(store, TestPolls.newPoll(GUILD, "channel-2", CREATED.plusSeconds(30)));
        Commits.create(
                store, TestPolls.newPoll(new Workspace(Platform.SLACK, "guild-1"), CHANNEL, CREATED.plusSeconds(40)));

        // when
        List<Poll> listed = store.listInChannel(GUILD, CHANNEL);

        // then
        assertThat(listed).containsExactly(newest, middle, oldest);
    }

    @Test
    void listsTheWorkspacesPollsNotClosedInEveryChannelNewestFirst() {
        // given: two polls in two channels, one closed, and one of another workspace with the same ids
        Poll first = Commits.create(store, TestPolls.newPoll(GUILD, CHANNEL, CREATED));
        Poll second = Commits.create(store, TestPolls.newPoll(GUILD, "channel-2", CREATED.plusSeconds(10)));
        Poll closed = Commits.create(store, TestPolls.newPoll(GUILD, CHANNEL, CREATED.plusSeconds(20)));
        Commits.close(store, closed.id(), LATER);
        Commits.create(
                store, TestPolls.newPoll(new Workspace(Platform.SLACK, "guild-1"), CHANNEL, CREATED.plusSeconds(40)));

        // when
        List<Poll> open = store.notClosedInWorkspace(GUILD);

        // then
        assertThat(open).extracting(Poll::id).containsExactly(second.id(), first.id());
        assertThat(open.get(0).definition()).isEqualTo(second.definition());
    }

    @Test
    void votingAgainReplacesTheAnswer() {
        // given
        long poll = Commits.create(store, TestPolls.newPoll()).id();
        Commits.save(
                store, poll, "alice", Map.of(MECH_FEEDBACK, Answer.score(2), EVALS_FEEDBACK, Answer.score(5)), CREATED);

        // when
        Commits.save(store, poll, "alice", Map.of(MECH_FEEDBACK, Answer.score(4)), LATER);

        // then
        assertThat(store.ballot(poll, "alice").answers())
                .isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(4), EVALS_FEEDBACK, Answer.score(5)));
        assertThat(rowCount(poll)).isEqualTo(2);
        assertThat(rawText(
                        "SELECT " + kind.utcText("updated_at")
                                + " FROM vote WHERE poll_id = ? AND field_key = 'mech-interp'",
                        poll))
                .isEqualTo("2026-03-01T13:00:00.123Z");
    }

    @Test
    void dontKnowIsStoredAsItsOwnAnswerAndCountedApart() {
        // given
        long poll = Commits.create(store, TestPolls.newPoll()).id();
        Commits.save(store, poll, "alice", Map.of(MECH_FEEDBACK, Answer.score(3)), CREATED);
        Commits.save(store, poll, "bob", Map.of(MECH_FEEDBACK, Answer.DONT_KNOW), CREATED);
        Commits.save(
                store,
                poll,
                "carol",
                Map.of(MECH_FEEDBACK, Answer.score(1), EVALS_ECONOMIC, Answer.DONT_KNOW),
                CREATED);

        // when
        List<CellCounts> counts = store.counts(poll);

        // then
        assertThat(store.ballot(poll, "bob").answers()).isEqualTo(Map.of(MECH_FEEDBACK, Answer.DONT_KNOW));
        assertThat(counts)
                .containsExactly(
                        new CellCounts(MECH_FEEDBACK, new int[] {1, 0, 1, 0, 0}, 1),
                        new CellCounts(EVALS_ECONOMIC, new int[] {0, 0, 0, 0, 0}, 1));
    }

    @Test
    void countsSizeTheHistogramByTheScale() {
        // given a 0-10 poll
        PollDefinition zeroToTen = new PollDefinition(
                new Scale(0, 10),
                TestPolls.definition().fields(),
                TestPolls.definition().factors(),
                null);
        long poll = Commits.create(store, TestPolls.newPoll(GUILD, CHANNEL, CREATED, zeroToTen))
                .id();
        Commits.save(store, poll, "alice", Map.of(MECH_FEEDBACK, Answer.score(0)), CREATED);
        Commits.save(store, poll, "bob", Map.of(MECH_FEEDBACK, Answer.score(10)), CREATED);

        // when / then
        assertThat(store.counts(poll))
                .containsExactly(new CellCounts(MECH_FEEDBACK, new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 0));
    }

    @Test
    void aVoteForACellThePollLacksIsRefusedWithNothingSaved() {
        // given
        long poll = Commits.create(store, TestPolls.newPoll()).id();
        Map<CellKey, Answer> answers = new LinkedHashMap<>();
        answers.put(MECH_FEEDBACK, Answer.score(4));
        answers.put(new CellKey("mech-interp", "no-such-factor"), Answer.score(2));

        // when / then
        assertThatThrownBy(() -> Commits.save(store, poll, "mallory", answers, CREATED))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Could not save answers in poll " + poll)
                .hasMessageContaining("names a poll, field or factor that does not exist");
        assertThat(store.ballot(poll, "mallory").isEmpty()).isTrue();
        assertThat(store.voterCount(poll)).isZero();
    }

    @Test
    void aBallotOfKeysInAnyScriptWithScoresAndDontKnowsReadsBackAsSaved() {
        // given a poll whose keys are not ASCII, and a ballot of scores and "don't know"
        PollDefinition definition = new PollDefinition(
                Scale.ONE_TO_FIVE,
                List.of(new Field("苹果", "苹果", null), new Field("ä-ö-2", "Ä Ö 2", null)),
                List.of(Factor.named("重要", "重要"), Factor.named("q1", "Q1")),
                Map.of());
        long poll = Commits.create(store, TestPolls.newPoll(GUILD, CHANNEL, CREATED, definition))
                .id();
        Map<CellKey, Answer> answers = Map.of(
                new CellKey("苹果", "重要"), Answer.score(5),
                new CellKey("苹果", "q1"), Answer.DONT_KNOW,
                new CellKey("ä-ö-2", "q1"), Answer.score(1));

        // when
        Ballot saved = Commits.save(store, poll, "ünïcode", answers, CREATED);

        // then
        assertThat(saved.answers()).isEqualTo(answers);
        assertThat(store.ballot(poll, "nobody").isEmpty()).isTrue();
    }

    @Test
    void aVoteForAPollThatDoesNotExistChangesNothing() {
        boolean saved = Commits.join(
                store.changeAnswers(404, "mallory", Map.of(MECH_FEEDBACK, Answer.score(4)), List.of(), CREATED));

        assertThat(saved).isFalse();
        assertThat(store.ballot(404, "mallory").isEmpty()).isTrue();
    }

    @Test
    void theWriteItselfRefusesAVoteOnceThePollIsClosedByHand() {
        // given a poll with one answer, closed by command
        long poll = Commits.create(store, TestPolls.newPoll()).id();
        Commits.save(store, poll, "alice", Map.of(MECH_FEEDBACK, Answer.score(4)), CREATED);
        Commits.close(store, poll, LATER);

        // when: a new score, a clear, and both, whatever the caller believed about the poll
        boolean scored = Commits.join(
                store.changeAnswers(poll, "alice", Map.of(MECH_FEEDBACK, Answer.score(1)), List.of(), LATER));
        boolean cleared = Commits.join(store.changeAnswers(poll, "alice", Map.of(), List.of(MECH_FEEDBACK), LATER));
        boolean both = Commits.join(store.changeAnswers(
                poll, "alice", Map.of(EVALS_FEEDBACK, Answer.score(2)), List.of(MECH_FEEDBACK), LATER));

        // then nothing changed
        assertThat(List.of(scored, cleared, both)).containsOnly(false);
        assertThat(store.ballot(poll, "alice").answers()).isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(4)));
    }

    @Test
    void theWriteItselfRefusesAVoteFromTheCloseTimeOn() {
        // given a poll that closes by time
        Poll poll = Commits.create(store, TestPolls.newPoll());
        Instant closes = poll.closesAt();

        // when: a vote a millisecond before the close time, and one at it
        boolean before = Commits.join(store.changeAnswers(
                poll.id(), "alice", Map.of(MECH_FEEDBACK, Answer.score(4)), List.of(), closes.minusMillis(1)));
        boolean at = Commits.join(
                store.changeAnswers(poll.id(), "bob", Map.of(MECH_FEEDBACK, Answer.score(2)), List.of(), closes));

        // then only the first is stored, as Poll.isOpenAt says
        assertThat(poll.isOpenAt(closes.minusMillis(1))).isTrue();
        assertThat(poll.isOpenAt(closes)).isFalse();
        assertThat(before).isTrue();
        assertThat(at).isFalse();
        assertThat(store.voterCount(poll.id())).isEqualTo(1);
    }

    @Test
    void aPollLookedUpForVotesIsForgottenWhenThisProcessClosesIt() {
        // given a poll looked up for a vote (and so cached)
        long poll = Commits.create(store, TestPolls.newPoll()).id();
        assertThat(store.findForVote(GUILD, CHANNEL, poll).orElseThrow().closedAt())
                .isNull();

        // when this process closes it
        Commits.close(store, poll, LATER);

        // then the next lookup shows it closed, and other channels never see it
        assertThat(store.findForVote(GUILD, CHANNEL, poll).orElseThrow().closedAt())
                .isEqualTo(LATER);
        assertThat(store.findForVote(GUILD, "another-channel", poll)).isEmpty();
        assertThat(store.findForVote(new Workspace(Platform.SLACK, GUILD.id()), CHANNEL, poll))
                .isEmpty();
    }

    @Test
    void aScoreOutsideWhatTheDatabaseAllowsIsRefused() {
        long poll = Commits.create(store, TestPolls.newPoll()).id();

        assertThatThrownBy(
                        () -> Commits.save(store, poll, "mallory", Map.of(MECH_FEEDBACK, Answer.score(101)), CREATED))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the database refused a value");
    }

    @Test
    void clearAnswersRemovesOnlyTheGivenCells() {
        // given
        long poll = Commits.create(store, TestPolls.newPoll()).id();
        Commits.save(
                store,
                poll,
                "alice",
                Map.of(
                        MECH_FEEDBACK,
                        Answer.score(2),
                        MECH_ECONOMIC,
                        Answer.DONT_KNOW,
                        EVALS_FEEDBACK,
                        Answer.score(5)),
                CREATED);
        Commits.save(store, poll, "bob", Map.of(MECH_FEEDBACK, Answer.score(1)), CREATED);

        // when
        Ballot left = Commits.clear(store, poll, "alice", List.of(MECH_FEEDBACK, MECH_ECONOMIC, EVALS_ECONOMIC));

        // then
        assertThat(left).isEqualTo(store.ballot(poll, "alice"));
        assertThat(store.ballot(poll, "alice"))
                .isEqualTo(new Ballot(poll, "alice", Map.of(EVALS_FEEDBACK, Answer.score(5))));
        assertThat(store.ballot(poll, "bob").answers()).isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(1)));
    }

    @Test
    void aBallotWithoutAnswersIsEmpty() {
        long poll = Commits.create(store, TestPolls.newPoll()).id();

        assertThat(store.ballot(poll, "nobody")).isEqualTo(Ballot.empty(poll, "nobody"));
    }

    @Test
    void voterCountCountsEachVoterOnceDontKnowIncluded() {
        // given
        long poll = Commits.create(store, TestPolls.newPoll()).id();
        long otherPoll = Commits.create(store, TestPolls.newPoll()).id();
        Commits.save(
                store, poll, "alice", Map.of(MECH_FEEDBACK, Answer.score(2), EVALS_FEEDBACK, Answer.score(3)), CREATED);
        Commits.save(store, poll, "bob", Map.of(MECH_FEEDBACK, Answer.DONT_KNOW), CREATED);
        Commits.save(store, otherPoll, "carol", Map.of(MECH_FEEDBACK, Answer.score(2)), CREATED);

        // when / then
        assertThat(store.voterCount(poll)).isEqualTo(2);
        assertThat(store.voterCount(otherPoll)).isEqualTo(1);
    }

    @Test
    void forEachAnswerVisitsEveryAnswerGroupedByVoter() {
        // given
        long poll = Commits.create(store, TestPolls.newPoll()).id();
        Commits.save(
                store, poll, "carol", Map.of(MECH_FEEDBACK, Answer.score(1), EVALS_ECONOMIC, Answer.score(4)), CREATED);
        Commits.save(store, poll, "alice", Map.of(MECH_FEEDBACK, Answer.score(2)), CREATED);
        Commits.save(
                store, poll, "bob", Map.of(EVALS_FEEDBACK, Answer.DONT_KNOW, MECH_ECONOMIC, Answer.score(5)), CREATED);
        Commits.save(store, poll, "alice", Map.of(EVALS_FEEDBACK, Answer.score(3)), CREATED);

        // when
        List<String> visits = new ArrayList<>();
        store.forEachAnswer(
                poll,
                (voter, cell, answer) ->
                        visits.add(voter + " " + cell.field() + "/" + cell.factor() + " " + answer.display()));

        // then
        assertThat(visits)
                .containsExactly(
                        "alice evals/feedback 3",
                        "alice mech-interp/feedback 2",
                        "bob evals/feedback ?",
                        "bob mech-interp/economic 5",
                        "carol evals/economic 4",
                        "carol mech-interp/feedback 1");
    }

    @Test
    void closingTwiceChangesNothingTheSecondTime() {
        // given
        long poll = Commits.create(store, TestPolls.newPoll()).id();

        // when
        boolean first = Commits.close(store, poll, LATER);
        boolean second = Commits.close(store, poll, LATER.plusSeconds(60));

        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(store.findById(poll).orElseThrow().closedAt()).isEqualTo(LATER);
        assertThat(Commits.close(store, 404, LATER)).isFalse();
    }

    @Test
    void aPollsClosingIsClaimedOnceTakenOverAfterTheLeaseAndNeverReportedOnceHandled() {
        // given a poll closed by command, one closing by time later, and one still open after that
        Duration lease = Duration.ofMinutes(5);
        long closed = Commits.create(store, TestPolls.newPoll()).id();
        Commits.close(store, closed, LATER);
        NewPoll byTime = TestPolls.newPoll();
        long timed = Commits.create(store, byTime).id();
        Instant timedClose = byTime.closesAt();

        // when / then: before its close time only the closed poll is unhandled
        assertThat(store.closedUnhandled(LATER, lease)).extracting(Poll::id).containsExactly(closed);
        assertThat(store.nextClose(LATER)).contains(timedClose);
        // a claim is once-only within its lease
        assertThat(store.claimClosing(closed, LATER, lease)).isTrue();
        assertThat(store.claimClosing(closed, LATER.plusSeconds(60), lease)).isFalse();
        assertThat(store.closedUnhandled(LATER.plusSeconds(60), lease)).isEmpty();
        // an abandoned claim is taken over after the lease
        Instant afterLease = LATER.plus(lease).plusSeconds(1);
        assertThat(store.closedUnhandled(afterLease, lease))
                .extracting(Poll::id)
                .containsExactly(closed);
        assertThat(store.claimClosing(closed, afterLease, lease)).isTrue();
        store.closingHandled(closed, afterLease);
        assertThat(store.claimClosing(closed, afterLease.plus(lease).plusSeconds(1), lease))
                .isFalse();
        // the poll closing by time is unhandled once its time has come; none closes after it
        assertThat(store.closedUnhandled(timedClose, lease))
                .extracting(Poll::id)
                .containsExactly(timed);
        assertThat(store.nextClose(timedClose)).isEmpty();
    }

    @Test
    void aPollCreatedWithRemindOffHasItsReminderSwitchedOffInTheSameCommit() {
        // given
        NewPoll quiet = TestPolls.newPoll();
        quiet = new NewPoll(
                quiet.workspace(),
                quiet.channelId(),
                quiet.title(),
                quiet.templateKey(),
                quiet.definition(),
                quiet.visibility(),
                quiet.createdBy(),
                quiet.createdAt(),
                quiet.closesAt(),
                quiet.eligibleRole(),
                false,
                true);
        long loud = Commits.create(store, TestPolls.newPoll()).id();

        // when
        long off = Commits.create(store, quiet).id();

        // then only the other poll owes a reminder before its close
        SqlReminderStore reminders = new SqlReminderStore(database);
        assertThat(reminders.owedBetween(CREATED, quiet.closesAt())).containsExactly(loud);
        assertThat(reminders.owedBetween(CREATED, quiet.closesAt())).doesNotContain(off);
    }

    @Test
    void aPollCreatedWithAnnounceOffIsReadBackSoEverywhereAndOthersAreAnnounced() {
        // given
        NewPoll template = TestPolls.newPoll();
        NewPoll silent = new NewPoll(
                template.workspace(),
                template.channelId(),
                template.title(),
                template.templateKey(),
                template.definition(),
                template.visibility(),
                template.createdBy(),
                template.createdAt(),
                template.closesAt(),
                template.eligibleRole(),
                true,
                false);

        // when
        Poll created = Commits.create(store, silent);
        Poll announced = Commits.create(store, template);

        // then: as created, by id, in the channel's list and among the closings to handle
        assertThat(created.announce()).isFalse();
        assertThat(store.findById(created.id()).orElseThrow().announce()).isFalse();
        assertThat(store.findById(announced.id()).orElseThrow().announce()).isTrue();
        assertThat(store.listInChannel(template.workspace(), template.channelId()))
                .extracting(Poll::id, Poll::announce)
                .containsExactlyInAnyOrder(tuple(created.id(), false), tuple(announced.id(), true));
    }

    @Test
    void eachPollHasItsOwnRandomPseudonymSecret() {
        // given
        long poll = Commits.create(store, TestPolls.newPoll()).id();
        long otherPoll = Commits.create(store, TestPolls.newPoll()).id();

        // when
        byte[] secret = store.pseudonymSecret(poll);

        // then
        assertThat(secret)
                .hasSize(32)
                .isEqualTo(store.pseudonymSecret(poll))
                .isNotEqualTo(store.pseudonymSecret(otherPoll));
        assertThatThrownBy(() -> store.pseudonymSecret(404)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPollWithoutVotesHasNoCounts() {
        long poll = Commits.create(store, TestPolls.newPoll()).id();

        assertThat(store.counts(poll)).isEmpty();
        assertThat(store.counts(404)).isEmpty();
        assertThat(store.voterCount(poll)).isZero();
    }

    private String rawText(String sql, long id) {
        return database.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }

    private long rowCount(long poll) {
        return Long.parseLong(rawText("SELECT COUNT(*) FROM vote WHERE poll_id = ?", poll));
    }
}
