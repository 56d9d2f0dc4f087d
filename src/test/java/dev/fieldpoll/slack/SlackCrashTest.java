package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.buttonPress;
import static dev.fieldpoll.slack.SlackRequests.interactive;
import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static dev.fieldpoll.slack.SlackRequests.submission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.store.Database;
import dev.fieldpoll.store.SqlPollStore;
import dev.fieldpoll.testing.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL through the real Slack adapter: fieldpoll runs in a child JVM (real Wiring, real Bolt, HTTP
 * mode) calling the fake Slack here. Thirty members submit their ballot modal and thirty vote with
 * /poll vote while another program holds the database's write lock; the child is killed once some
 * were told their vote is saved. Every vote a member was told is saved — the modal closed by its
 * ack, "Saved" in the command's ack, or "Saved" posted afterwards — must be in the database, and
 * while the lock is held no ack may say so. (Slack's buttons open the ballot, show results or
 * the member's votes: none writes, so the modal and the command are the paths that save.)
 */
class SlackCrashTest {

    private static final String TEAM = FakeSlack.TEAM;
    private static final String GENERAL = "C0GENERAL";
    private static final int MEMBERS = 60;
    private static final int SAVED_BEFORE_KILL = 10;
    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final List<String> FIELDS = List.of("alpha", "beta", "gamma");
    private static final List<String> FACTORS = List.of("impact", "effort");

    @TempDir
    Path dir;

    /** A member's vote, sent as a modal submission or as /poll vote, and what Slack was answered. */
    private record Vote(String member, CellKey cell, int score, boolean inModal) {}

    private record Sent(Vote vote, CompletableFuture<HttpResponse<String>> ack) {}

    @Test
    void no_vote_told_saved_is_lost_when_fieldpoll_is_killed_while_the_database_was_locked() throws Exception {
        List<Sent> sent = new ArrayList<>();
        List<Vote> acknowledged;
        ExecutorService members = Executors.newFixedThreadPool(MEMBERS);
        try (FakeSlack slack = new FakeSlack()) {
            int port = freePort();
            Process child = start(slack, port);
            try {
                ChildJvm.awaitLine(child, "READY", dir.resolve("child.log"));
                SlackRequests requests = new SlackRequests(port, slack::recordAck);

                // given a poll of three fields and two factors, and a ballot modal opened from its message
                requests.send(slashCommand(
                        TEAM,
                        GENERAL,
                        "U0ALICE",
                        "create Crash fields:\"Alpha; Beta; Gamma\" factors:\"Impact; Effort\"",
                        slack.responseUrl("create"),
                        requests.trigger()));
                String ts = slack.await("chat.postMessage").param("ts");
                requests.send(interactive(buttonPress(
                        TEAM, GENERAL, "U0BOB", "fp1:vote:1", ts, slack.responseUrl("open"), requests.trigger())));
                JsonNode view = slack.await("views.open").json("view");

                try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("fieldpoll.db"));
                        Statement holding = lock.createStatement()) {
                    // when another program holds the write lock while 60 members vote
                    holding.execute("BEGIN EXCLUSIVE");
                    for (int index = 0; index < MEMBERS; index++) {
                        Vote vote = new Vote(
                                "U0M" + index,
                                new CellKey(FIELDS.get(index % 3), FACTORS.get(index / 3 % 2)),
                                1 + index % 5,
                                index % 2 == 0);
                        String body = vote.inModal()
                                ? interactive(submission(
                                        TEAM,
                                        vote.member(),
                                        view,
                                        Map.of(
                                                "fp1:answer:1:" + vote.cell().field() + ":"
                                                        + vote.cell().factor(),
                                                Integer.toString(vote.score()))))
                                : slashCommand(
                                        TEAM,
                                        GENERAL,
                                        vote.member(),
                                        "vote " + vote.cell().field() + " "
                                                + vote.cell().factor() + "=" + vote.score(),
                                        slack.responseUrl(vote.member()),
                                        requests.trigger());
                        sent.add(new Sent(vote, CompletableFuture.supplyAsync(() -> send(requests, body), members)));
                    }

                    // then while it is held every ack says "still working" or "saving", never saved
                    for (Sent each : sent) {
                        HttpResponse<String> ack = each.ack().get(1, TimeUnit.MINUTES);
                        assertThat(ack.statusCode()).isEqualTo(200);
                        assertThat(toldSaved(each.vote(), Optional.of(ack.body()), List.of()))
                                .as("the ack to %s while the database is locked: %s", each.vote(), ack.body())
                                .isFalse();
                    }
                    holding.execute("ROLLBACK");
                }

                // and once it is released, fieldpoll is killed as soon as some were told their vote is saved
                slack.await("chat.postEphemeral", call -> saved(slack, sent).size() >= SAVED_BEFORE_KILL);
                child.toHandle().destroyForcibly();
                assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            } finally {
                child.destroyForcibly();
                child.waitFor(1, TimeUnit.MINUTES);
                members.shutdownNow();
            }
            acknowledged = saved(slack, sent);
        }

        // then every vote a member was told is saved is on disk
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(SAVED_BEFORE_KILL);
        try (Database database = Database.open(dir.resolve("fieldpoll.db"))) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            for (Vote vote : acknowledged) {
                assertThat(store.ballot(1, vote.member()).answers().get(vote.cell()))
                        .as("the vote told saved: %s", vote)
                        .isEqualTo(Answer.score(vote.score()));
            }
        }
    }

    private static HttpResponse<String> send(SlackRequests requests, String body) {
        try {
            return requests.send(body);
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** The votes whose member was told they are saved, by an ack or by what fieldpoll sent Slack afterwards. */
    private static List<Vote> saved(FakeSlack slack, List<Sent> sent) {
        List<FakeSlack.Call> calls = slack.calls();
        return sent.stream()
                .filter(each -> toldSaved(
                        each.vote(),
                        each.ack().isDone() && !each.ack().isCompletedExceptionally()
                                ? Optional.of(each.ack().join().body())
                                : Optional.empty(),
                        calls))
                .map(Sent::vote)
                .toList();
    }

    /**
     * A modal's ack with no body closes it: the member sees the ballot accepted. A command's ack, or a
     * post to its response_url, saying "Saved"; an ephemeral "Saved" to the member.
     */
    private static boolean toldSaved(Vote vote, Optional<String> ack, List<FakeSlack.Call> calls) {
        if (ack.isPresent() && (vote.inModal() ? ack.get().isEmpty() : ack.get().contains("Saved"))) {
            return true;
        }
        return calls.stream()
                .anyMatch(call -> call.rawBody().contains("Saved")
                        && (call.method().equals("chat.postEphemeral")
                                        && vote.member().equals(call.param("user"))
                                || call.method().equals("response_url")
                                        && call.param("path").equals("/respond/" + vote.member())));
    }

    private Process start(FakeSlack slack, int port) throws IOException {
        return ChildJvm.start(
                SlackBotProcess.class,
                dir.resolve("child.log"),
                dir.toString(),
                slack.apiUrl(),
                Integer.toString(port));
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
