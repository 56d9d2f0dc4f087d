package dev.fieldpoll.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.TemplateLoader;
import dev.fieldpoll.store.Database;
import dev.fieldpoll.store.DatabaseSettings;
import dev.fieldpoll.store.DatabaseTarget;
import dev.fieldpoll.store.SqlPollStore;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** PollService on a real SQLite file and on PostgreSQL: the checks it makes on every client-supplied value. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PollServiceTest {

    @Parameter
    TestDatabase kind;

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private Database database;
    private DatabaseTarget target;
    private PollStore store;
    private PollService polls;

    private final Member creator = member("discord", "guild-1", "creator", false);
    private final Member voter = member("discord", "guild-1", "voter", false);
    private final Member admin = member("discord", "guild-1", "boss", true);
    private final Member stranger = member("discord", "guild-2", "voter", true);

    private static Member member(String platform, String workspace, String user, boolean admin) {
        return new Member(new Workspace(Platform.valueOf(platform.toUpperCase()), workspace), "general", user, admin);
    }

    @BeforeEach
    void open() {
        target = kind.create(folder);
        database = Database.open(target, DatabaseSettings.defaults());
        store = new SqlPollStore(database, Clock.systemUTC());
        TemplateCatalog templates =
                new TemplateCatalog(new TemplateLoader().loadAll(Path.of("config/polls")), "ai-safety-automation");
        polls = new PollService(store, templates, clock, PollPolicy.OPEN, Runnable::run);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private Poll create(ResultsVisibility visibility, Optional<Instant> closesAt) {
        CreateRequest request = new CreateRequest(
                Optional.empty(),
                Optional.of("Automation"),
                List.of(),
                List.of(),
                visibility,
                closesAt,
                Optional.empty(),
                true,
                true,
                Scale.ONE_TO_FIVE);
        return ((Outcomes.PollCreated) created(polls, creator, request)).poll();
    }

    private static Outcomes.Created created(PollService service, Member member, CreateRequest request) {
        return service.create(member, request).toCompletableFuture().join();
    }

    /** The member's vote on the poll with this id, wherever it is: PollService checks their channel. */
    private Outcomes.Voted vote(Member member, long pollId, Map<CellKey, Answer> answers) {
        return vote(member, store.findById(pollId).orElseThrow(), answers);
    }

    private Outcomes.Voted vote(Member member, Poll poll, Map<CellKey, Answer> answers) {
        return polls.changeAnswers(member, poll, answers, List.of())
                .toCompletableFuture()
                .join();
    }

    private Outcomes.Voted clear(Member member, long pollId, Collection<CellKey> cells) {
        return clear(member, store.findById(pollId).orElseThrow(), cells);
    }

    private Outcomes.Voted clear(Member member, Poll poll, Collection<CellKey> cells) {
        return polls.changeAnswers(member, poll, Map.of(), cells)
                .toCompletableFuture()
                .join();
    }

    private Outcomes.Closing closing(Member member, long pollId) {
        return polls.close(member, pollId).toCompletableFuture().join();
    }

    private static Map<CellKey, Answer> evalsFeedback(int score) {
        return Map.of(new CellKey("evals", "feedback-quality"), Answer.score(score));
    }

    @Test
    void a_poll_limited_to_a_role_takes_votes_only_from_members_holding_it() {
        CreateRequest request = new CreateRequest(
                Optional.empty(),
                Optional.of("Core team"),
                List.of(),
                List.of(),
                ResultsVisibility.LIVE,
                Optional.empty(),
                Optional.of("role-core"),
                true,
                true,
                Scale.ONE_TO_FIVE);
        Poll poll = ((Outcomes.PollCreated) created(polls, creator, request)).poll();
        Member core = new Member(voter.workspace(), "general", "core-member", false, java.util.Set.of("role-core"));

        assertThat(store.findById(poll.id()).orElseThrow().voterRole()).contains("role-core");
        assertThat(polls.whyNotEligible(admin, poll)).isPresent();
        assertThat(vote(admin, poll.id(), evalsFeedback(4))).isInstanceOf(Outcomes.Refused.class);
        assertThat(clear(voter, poll.id(), evalsFeedback(4).keySet())).isInstanceOf(Outcomes.Refused.class);
        assertThat(vote(core, poll.id(), evalsFeedback(4))).isInstanceOf(Outcomes.VotesSaved.class);
        assertThat(store.voterCount(poll.id())).isEqualTo(1);
    }

    @Test
    void another_workspace_cannot_see_vote_in_or_close_a_poll() {
        Poll poll = create(ResultsVisibility.LIVE, Optional.empty());

        assertThat(polls.find(stranger, new PollRef.ById(poll.id()))).isInstanceOf(Outcomes.Refused.class);
        assertThat(vote(stranger, poll.id(), evalsFeedback(5))).isInstanceOf(Outcomes.Refused.class);
        assertThat(closing(stranger, poll.id())).isInstanceOf(Outcomes.Refused.class);
        assertThat(store.voterCount(poll.id())).isZero();
        assertThat(store.findById(poll.id()).orElseThrow().closedAt()).isNull();
    }

    @Test
    void a_poll_object_from_another_workspace_is_refused_too() {
        Poll poll = create(ResultsVisibility.LIVE, Optional.empty());

        assertThat(vote(stranger, poll, evalsFeedback(5))).isInstanceOf(Outcomes.Refused.class);
        assertThat(clear(stranger, poll, List.of(new CellKey("evals", "feedback-quality"))))
                .isInstanceOf(Outcomes.Refused.class);
        assertThat(store.voterCount(poll.id())).isZero();
    }

    @Test
    void cells_and_scores_are_checked_against_the_poll_itself() {
        Poll poll = create(ResultsVisibility.LIVE, Optional.empty());
        vote(voter, poll.id(), evalsFeedback(2));

        assertThat(vote(voter, poll.id(), evalsFeedback(6))).isInstanceOf(Outcomes.Refused.class);
        assertThat(vote(voter, poll.id(), evalsFeedback(0))).isInstanceOf(Outcomes.Refused.class);
        assertThat(vote(voter, poll.id(), Map.of(new CellKey("evals", "made-up"), Answer.score(3))))
                .isInstanceOf(Outcomes.Refused.class);
        assertThat(vote(voter, poll.id(), Map.of(new CellKey("nope", "feedback-quality"), Answer.score(3))))
                .isInstanceOf(Outcomes.Refused.class);
        assertThat(vote(voter, poll.id(), Map.of())).isInstanceOf(Outcomes.Refused.class);
        assertThat(store.ballot(poll.id(), "voter").answers()).isEqualTo(evalsFeedback(2));
    }

    @Test
    void voting_again_replaces_and_dont_know_is_not_a_score() {
        Poll poll = create(ResultsVisibility.LIVE, Optional.empty());

        vote(voter, poll.id(), evalsFeedback(2));
        vote(voter, poll.id(), Map.of(new CellKey("evals", "feedback-quality"), Answer.DONT_KNOW));

        CellCounts counts = store.counts(poll.id()).get(0);
        assertThat(counts.histogram()).containsOnly(0);
        assertThat(counts.dontKnow()).isEqualTo(1);
    }

    @Test
    void clearing_withdraws_an_answer() {
        Poll poll = create(ResultsVisibility.LIVE, Optional.empty());
        vote(voter, poll.id(), evalsFeedback(2));

        clear(voter, poll.id(), List.of(new CellKey("evals", "feedback-quality")));

        assertThat(store.ballot(poll.id(), "voter").isEmpty()).isTrue();
    }

    @Test
    void only_the_creator_or_an_admin_closes_and_a_closed_poll_refuses_votes() {
        Poll poll = create(ResultsVisibility.LIVE, Optional.empty());

        assertThat(closing(voter, poll.id())).isInstanceOf(Outcomes.Refused.class);
        assertThat(closing(admin, poll.id())).isInstanceOf(Outcomes.PollClosed.class);
        assertThat(closing(creator, poll.id())).isInstanceOf(Outcomes.PollIsClosed.class);
        assertThat(vote(voter, poll.id(), evalsFeedback(3))).isInstanceOf(Outcomes.PollIsClosed.class);
    }

    @Test
    void a_poll_another_process_closed_takes_no_vote_though_this_process_still_has_it_open() {
        // given a poll this process looked up for a vote (and so keeps), then closed by another process
        Poll poll = create(ResultsVisibility.LIVE, Optional.empty());
        lookedUpForVote(poll.id());
        try (Database other = Database.open(target, DatabaseSettings.defaults())) {
            new SqlPollStore(other, clock)
                    .close(poll.id(), clock.instant())
                    .toCompletableFuture()
                    .join();
        }
        Poll kept = lookedUpForVote(poll.id());
        assertThat(kept.isOpenAt(clock.instant())).isTrue();

        // when a member votes on it as this process sees it
        Outcomes.Voted voted = vote(voter, kept, evalsFeedback(3));

        // then the write refuses it, nothing is stored, and the next lookup reads the poll afresh
        assertThat(voted).isInstanceOf(Outcomes.PollIsClosed.class);
        assertThat(store.ballot(poll.id(), "voter").isEmpty()).isTrue();
        assertThat(lookedUpForVote(poll.id()).isOpenAt(clock.instant())).isFalse();
    }

    private Poll lookedUpForVote(long pollId) {
        return ((Outcomes.Found) polls.findForVote(voter, new PollRef.ById(pollId))).poll();
    }

    @Test
    void a_poll_closes_by_itself_when_its_time_passes() {
        Poll poll = create(ResultsVisibility.LIVE, Optional.of(clock.instant().plus(Duration.ofDays(1))));

        assertThat(vote(voter, poll.id(), evalsFeedback(3))).isInstanceOf(Outcomes.VotesSaved.class);
        clock.advance(Duration.ofDays(1));

        assertThat(vote(voter, poll.id(), evalsFeedback(5))).isInstanceOf(Outcomes.PollIsClosed.class);
        assertThat(store.ballot(poll.id(), "voter").answers()).isEqualTo(evalsFeedback(3));
    }

    @Test
    void after_vote_results_need_a_vote_after_close_results_need_the_close_admins_always_see() {
        Poll afterVote = create(ResultsVisibility.AFTER_VOTE, Optional.empty());
        Poll afterClose = create(ResultsVisibility.AFTER_CLOSE, Optional.empty());

        assertThat(polls.resultsAccess(voter, afterVote)).isInstanceOf(Outcomes.ResultsHidden.class);
        assertThat(polls.resultsAccess(admin, afterVote)).isInstanceOf(Outcomes.ResultsVisible.class);
        vote(voter, afterVote.id(), evalsFeedback(3));
        assertThat(polls.resultsAccess(voter, afterVote)).isInstanceOf(Outcomes.ResultsVisible.class);

        vote(voter, afterClose.id(), evalsFeedback(3));
        assertThat(polls.resultsAccess(voter, afterClose)).isInstanceOf(Outcomes.ResultsHidden.class);
        closing(creator, afterClose.id());
        Poll closed = store.findById(afterClose.id()).orElseThrow();
        assertThat(polls.resultsAccess(voter, closed)).isInstanceOf(Outcomes.ResultsVisible.class);
    }

    @Test
    void several_open_polls_are_picked_by_id_or_title_prefix() {
        Poll first = create(ResultsVisibility.LIVE, Optional.empty());
        CreateRequest other = new CreateRequest(
                Optional.of("community-roadmap"),
                Optional.empty(),
                List.of(),
                List.of(),
                null,
                Optional.empty(),
                Optional.empty(),
                true,
                true,
                Scale.ONE_TO_FIVE);
        Poll second = ((Outcomes.PollCreated) created(polls, creator, other)).poll();

        assertThat(polls.find(voter, PollRef.CHANNEL_DEFAULT)).isInstanceOf(Outcomes.Refused.class);
        assertThat(polls.find(voter, new PollRef.ByTitle("what should"))).isEqualTo(new Outcomes.Found(second));
        assertThat(polls.find(voter, new PollRef.ById(first.id()))).isEqualTo(new Outcomes.Found(first));
    }

    @Test
    void only_admins_create_when_the_community_says_so() {
        TemplateCatalog templates =
                new TemplateCatalog(new TemplateLoader().loadAll(Path.of("config/polls")), "ai-safety-automation");
        PollService strict = new PollService(
                store, templates, clock, new PollPolicy(true, PollPolicy.ResultsSharing.CREATOR), Runnable::run);
        CreateRequest request = new CreateRequest(
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                null,
                Optional.empty(),
                Optional.empty(),
                true,
                true,
                Scale.ONE_TO_FIVE);

        assertThat(created(strict, voter, request)).isInstanceOf(Outcomes.Refused.class);
        assertThat(created(strict, admin, request)).isInstanceOf(Outcomes.PollCreated.class);
    }

    @Test
    void an_ad_hoc_poll_takes_its_fields_and_factors_from_the_request() {
        CreateRequest request = new CreateRequest(
                Optional.empty(),
                Optional.of("Team"),
                List.of("Alpha", "Beta Two"),
                List.of("Impact", "Effort"),
                null,
                Optional.empty(),
                Optional.empty(),
                true,
                true,
                Scale.ONE_TO_FIVE);

        Poll poll = ((Outcomes.PollCreated) created(polls, creator, request)).poll();

        assertThat(poll.definition().fields()).extracting(Field::key).containsExactly("alpha", "beta-two");
        assertThat(poll.definition().factors()).extracting(Factor::name).containsExactly("Impact", "Effort");
        assertThat(poll.definition().hasReference()).isFalse();
        assertThat(poll.visibility()).isEqualTo(ResultsVisibility.AFTER_VOTE);
    }
}
