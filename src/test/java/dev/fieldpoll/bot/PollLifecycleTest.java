package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollChange;
import dev.fieldpoll.poll.PollLifecycleStore;
import dev.fieldpoll.poll.PseudonymousVote;
import dev.fieldpoll.store.DatabaseCheck;
import dev.fieldpoll.testing.BotSession;
import dev.fieldpoll.testing.Eventually;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Edit, reopen, delete, forget, export (issue 14) through PollBot and the one parser, on both
 * databases: every answer stays where it belongs, removed rows are gone, permissions hold, and
 * nothing crosses channels or workspaces.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PollLifecycleTest {

    private static final CellKey A_IMPACT = new CellKey("a", "impact");
    private static final CellKey C_IMPACT = new CellKey("c", "impact");
    private static final CellKey C_EFFORT = new CellKey("c", "effort");

    @Parameter
    TestDatabase kind;

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(BotSession.START);
    private BotSession session;

    @BeforeEach
    void open() {
        session = new BotSession(folder, kind, clock);
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** Poll #1 by carol (not an admin): fields A, B, C on Impact and Effort; alice and bob voted. */
    private Poll pollWithVotes() {
        assertThat(session.say("carol", false, "/poll create Plans fields:\"A; B; C\" factors:\"Impact; Effort\""))
                .isInstanceOf(BotReply.PollPosted.class);
        assertThat(session.say("alice", false, "/poll vote A impact=4")).isInstanceOf(BotReply.VoteSaved.class);
        assertThat(session.say("alice", false, "/poll vote C impact=2")).isInstanceOf(BotReply.VoteSaved.class);
        assertThat(session.say("bob", false, "/poll vote C effort=5")).isInstanceOf(BotReply.VoteSaved.class);
        return poll(1);
    }

    private Poll poll(long id) {
        return session.wiring().store().findById(id).orElseThrow();
    }

    private String notice(BotReply reply) {
        assertThat(reply).isInstanceOf(BotReply.Notice.class);
        return ((BotReply.Notice) reply).message();
    }

    private String problem(BotReply reply) {
        assertThat(reply).isInstanceOf(BotReply.Problem.class);
        return ((BotReply.Problem) reply).message();
    }

    private PollLifecycleStore lifecycleStore() {
        return (PollLifecycleStore) session.wiring().store();
    }

    @Test
    void edit_add_remove_add_back_and_rename_keep_every_answer_where_it_belongs() {
        // given a poll with answers on A and C
        pollWithVotes();
        var store = session.wiring().store();

        // when its creator removes C
        clock.advance(Duration.ofHours(1));
        assertThat(notice(session.say("carol", false, "/poll edit #1 remove:\"C\"")))
                .contains("Field C removed");

        // then C and its answers are hidden from ballots, counts, voters and exports, but A stays
        assertThat(poll(1).definition().fields()).extracting(Field::name).containsExactly("A", "B");
        assertThat(store.ballot(1, "alice").answers()).containsOnlyKeys(A_IMPACT);
        assertThat(store.ballot(1, "bob").answers()).isEmpty();
        assertThat(store.voterCount(1)).isEqualTo(1);
        assertThat(store.counts(1)).extracting(counts -> counts.cell()).containsExactly(A_IMPACT);
        assertThat(session.wiring().polls().pseudonymousVotes(poll(1)))
                .extracting(PseudonymousVote::field)
                .containsExactly("a");
        // and a vote on a removed field is refused like any unknown field
        assertThat(session.say("bob", false, "/poll vote C effort=3")).isInstanceOf(BotReply.Problem.class);

        // when a new field D is added and C is added back by the same name in other case
        clock.advance(Duration.ofHours(1));
        assertThat(notice(session.say("carol", false, "/poll edit add:\"D\""))).contains("Field D added");
        assertThat(notice(session.say("you", true, "/poll edit add:\"c\""))).contains("Field c added back");

        // then C's answers are back exactly where they were, D has none, and C keeps its key
        assertThat(poll(1).definition().fields()).extracting(Field::key).containsExactly("a", "b", "c", "d");
        assertThat(store.ballot(1, "alice").answers())
                .isEqualTo(Map.of(A_IMPACT, Answer.score(4), C_IMPACT, Answer.score(2)));
        assertThat(store.ballot(1, "bob").answers()).isEqualTo(Map.of(C_EFFORT, Answer.score(5)));
        assertThat(store.voterCount(1)).isEqualTo(2);

        // when A is renamed
        assertThat(notice(session.say("carol", false, "/poll edit rename:\"A => Alpha\" title:\"Our plans\"")))
                .contains("Field A renamed to Alpha")
                .contains("Title changed to \"Our plans\"");

        // then it keeps its key and alice's answer, under its new name; votes by the new name work
        Poll renamed = poll(1);
        assertThat(renamed.title()).isEqualTo("Our plans");
        assertThat(renamed.definition().field("a").orElseThrow().name()).isEqualTo("Alpha");
        assertThat(store.ballot(1, "alice").answers()).containsEntry(A_IMPACT, Answer.score(4));
        assertThat(session.say("bob", false, "/poll vote alpha impact=1")).isInstanceOf(BotReply.VoteSaved.class);
        assertThat(store.ballot(1, "bob").answers()).containsEntry(A_IMPACT, Answer.score(1));

        // and every change is noted for the next summary, in order
        assertThat(lifecycleStore().changesSince(1, BotSession.START))
                .extracting(PollChange::detail)
                .containsExactly(
                        "Field C removed",
                        "Field D added",
                        "Field c added back",
                        "Field A renamed to Alpha",
                        "Title changed to \"Our plans\"");
        assertThat(new DatabaseCheck(session.wiring().config().database()).run().healthy())
                .isTrue();
    }

    @Test
    void the_next_summary_notes_each_edit_with_its_day() {
        pollWithVotes();
        for (String voter : List.of("alice", "bob", "dan")) {
            session.say(voter, false, "/poll vote A impact=3 effort=4");
        }
        clock.advance(Duration.ofDays(6));
        session.say("carol", false, "/poll edit add:\"Delta\" remove:\"B\"");
        clock.advance(Duration.ofHours(1));

        var builder = new dev.fieldpoll.summary.SummaryBuilder(
                session.wiring().reports(),
                session.wiring().roundReports(),
                session.wiring().summaries(),
                new dev.fieldpoll.report.ChartRenderer(),
                new dev.fieldpoll.report.GroupChartRenderer());
        var summary = builder.build(poll(1), clock.instant(), java.time.LocalDate.of(2026, 12, 3));

        assertThat(summary.edits()).containsExactly("Field B removed on 3 Dec", "Field Delta added on 3 Dec");
        assertThat(new dev.fieldpoll.summary.SummaryMarkdownRenderer().render(summary))
                .contains("**What changed**\n- Field B removed on 3 Dec\n- Field Delta added on 3 Dec");
    }

    @Test
    void an_edit_is_checked_like_a_new_poll_and_changes_nothing_when_refused() {
        pollWithVotes();
        assertThat(problem(session.say("carol", false, "/poll edit add:\"b\"")))
                .contains("already has a field called 'B'");
        assertThat(problem(session.say("carol", false, "/poll edit remove:\"A; B; C\"")))
                .contains("at least one field");
        assertThat(problem(session.say("carol", false, "/poll edit rename:\"A B\"")))
                .contains("old => new");
        assertThat(problem(session.say("carol", false, "/poll edit remove:\"Zeta\"")))
                .contains("no field 'Zeta'");
        assertThat(problem(session.say("carol", false, "/poll edit #1"))).contains("Say what to change");
        assertThat(poll(1).definition().fields()).extracting(Field::name).containsExactly("A", "B", "C");
        assertThat(lifecycleStore().changesSince(1, Instant.EPOCH)).isEmpty();
    }

    @Test
    void only_the_creator_or_an_admin_may_edit_reopen_delete_export_or_remind() {
        pollWithVotes();
        for (String line :
                List.of("/poll edit #1 add:\"X\"", "/poll reopen #1", "/poll delete #1", "/poll delete #1 confirm")) {
            assertThat(problem(session.say("mallory", false, line)))
                    .as(line)
                    .contains("Only the member who started \"Plans\" or an admin");
        }
        assertThat(problem(session.say("carol", false, "/poll export #1"))).contains("Only admins");
        assertThat(problem(session.say("carol", false, "/poll remind #1"))).contains("Only admins");
        // another channel, and another workspace, do not find the poll at all
        assertThat(problem(session.sayIn("elsewhere", "you", true, "/poll delete #1 confirm")))
                .contains("No poll #1 in this channel");
        assertThat(problem(session.say(
                        new Caller(Platform.CONSOLE, "other-workspace", "local", "you", true),
                        "/poll edit #1 add:\"X\"")))
                .contains("No poll #1 in this channel");
        assertThat(poll(1).definition().fields()).hasSize(3);
    }

    @Test
    void delete_asks_first_then_leaves_no_row_of_the_poll_and_a_healthy_database() throws Exception {
        pollWithVotes();
        session.say("you", true, "/poll close #1");

        // when the creator asks to delete: a confirmation, nothing deleted yet
        BotReply asked = session.say("carol", false, "/poll delete #1");
        assertThat(asked).isInstanceOf(BotReply.Confirm.class);
        BotReply.Confirm confirm = (BotReply.Confirm) asked;
        assertThat(confirm.typed()).isEqualTo("/poll delete #1 confirm");
        assertThat(ActionIds.decode(ActionIds.encode(confirm.action())).flatMap(LifecycleGrammar::confirmed))
                .contains(new BotCommand.Delete(new dev.fieldpoll.poll.PollRef.ById(1), true));
        assertThat(poll(1)).isNotNull();

        // when confirmed
        assertThat(notice(session.say("carol", false, "/poll delete #1 confirm")))
                .contains("deleted");

        // then no table holds a row of it, and the database checks healthy
        assertThat(session.wiring().store().findById(1)).isEmpty();
        for (String table : List.of(
                "vote",
                "poll_field",
                "poll_factor",
                "poll_reference",
                "poll_reminder",
                "poll_closing",
                "poll_page",
                "poll_change",
                "results_post",
                "results_post_part",
                "summary_snapshot")) {
            assertThat(rows("SELECT COUNT(*) FROM " + table + " WHERE poll_id = 1"))
                    .as(table)
                    .isZero();
        }
        assertThat(rows("SELECT COUNT(*) FROM poll WHERE id = 1")).isZero();
        assertThat(new DatabaseCheck(session.wiring().config().database()).run().healthy())
                .isTrue();
    }

    @Test
    void forget_removes_only_the_members_own_answers_in_their_workspace_and_exports_no_longer_list_them() {
        pollWithVotes();
        session.sayIn("other-channel", "dora", false, "/poll create Other fields:\"X; Y\" factors:\"Z\"");
        session.sayIn("other-channel", "alice", false, "/poll vote X z=3");
        Caller aliceElsewhere = new Caller(Platform.CONSOLE, "other-workspace", "local", "alice", false);
        session.say(aliceElsewhere, "/poll create Far fields:\"P; Q\" factors:\"R\"");
        session.say(aliceElsewhere, "/poll vote P r=5");
        int pseudonymsBefore = voters(1);

        // when alice asks to forget everything: a confirmation first
        assertThat(session.say("alice", false, "/poll forget all")).isInstanceOf(BotReply.Confirm.class);
        assertThat(session.wiring().store().voterCount(1)).isEqualTo(2);
        assertThat(notice(session.say("alice", false, "/poll forget all confirm")))
                .contains("deleted from 2 polls");

        // then her answers are gone in both polls of this workspace, bob's stay, the far one is untouched
        var store = session.wiring().store();
        assertThat(store.ballot(1, "alice").isEmpty()).isTrue();
        assertThat(store.ballot(2, "alice").isEmpty()).isTrue();
        assertThat(store.ballot(1, "bob").answers()).containsEntry(C_EFFORT, Answer.score(5));
        assertThat(store.ballot(3, "alice").isEmpty()).isFalse();
        assertThat(voters(1)).isEqualTo(pseudonymsBefore - 1);
        assertThat(rowsOf("alice", 1) + rowsOf("alice", 2)).isZero();

        // and bob forgets one poll, by its id
        assertThat(notice(session.say("bob", false, "/poll forget #1 confirm"))).contains("deleted from 1 poll");
        assertThat(store.voterCount(1)).isZero();
    }

    @Test
    void reopen_opens_a_closed_poll_and_its_next_close_is_handled_again() {
        pollWithVotes();
        session.say("carol", false, "/poll close #1");
        assertThat(problem(session.say("carol", false, "/poll edit add:\"X\""))).contains("reopen it first");

        assertThat(notice(session.say("carol", false, "/poll reopen #1 closes:2d")))
                .contains("open again");

        Poll reopened = poll(1);
        assertThat(reopened.isOpenAt(clock.instant())).isTrue();
        assertThat(reopened.closesAt()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));
        assertThat(session.say("alice", false, "/poll vote B impact=3")).isInstanceOf(BotReply.VoteSaved.class);
        assertThat(rows("SELECT COUNT(*) FROM poll_closing WHERE poll_id = 1")).isZero();
        assertThat(problem(session.say("carol", false, "/poll reopen #1"))).contains("open already");
        // a second close is handled afresh: its closing claimed and recorded again
        session.say("carol", false, "/poll close #1");
        Eventually.value(
                () -> Optional.of(
                        rows("SELECT COUNT(*) FROM poll_closing WHERE poll_id = 1 AND handled_at IS NOT NULL")),
                handled -> handled == 1,
                "the second closing handled");
    }

    @Test
    void export_hands_an_admin_the_pseudonymous_answers_as_csv_or_json() {
        pollWithVotes();
        BotReply csv = session.say("/poll export #1");
        assertThat(csv).isInstanceOf(BotReply.ExportFile.class);
        BotReply.ExportFile file = (BotReply.ExportFile) csv;
        String text = new String(file.content(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(file.name()).isEqualTo("poll-1-votes.csv");
        assertThat(text)
                .startsWith("voter,field,factor,score")
                .doesNotContain("alice")
                .doesNotContain("bob");
        assertThat(text.lines()).hasSize(4);
        BotReply.ExportFile json = (BotReply.ExportFile) session.say("/poll export #1 json");
        assertThat(json.name()).isEqualTo("poll-1-votes.json");
        assertThat(new String(json.content(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"title\" : \"Plans\"");
    }

    private int voters(long pollId) {
        return (int) session.wiring().polls().pseudonymousVotes(poll(pollId)).stream()
                .map(PseudonymousVote::voter)
                .distinct()
                .count();
    }

    private long rowsOf(String voter, long pollId) {
        return rows("SELECT COUNT(*) FROM vote WHERE voter_id = '" + voter + "' AND poll_id = " + pollId);
    }

    private long rows(String sql) {
        return session.wiring().database().withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql);
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
