package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.BOB;
import static dev.fieldpoll.discord.Payloads.CAROL;
import static dev.fieldpoll.discord.Payloads.CHANNEL;
import static dev.fieldpoll.discord.Payloads.GUILD;
import static dev.fieldpoll.discord.Payloads.SHARD_ONE_CHANNEL;
import static dev.fieldpoll.discord.Payloads.SHARD_ONE_GUILD;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.Secrets;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.slack.LoopbackSlack;
import dev.fieldpoll.slack.SlackApp;
import dev.fieldpoll.store.DatabaseTarget;
import dev.fieldpoll.summary.Schedule;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import dev.fieldpoll.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot processes on one PostgreSQL database, as "Running at scale" sets them up: process A
 * runs Discord shard 0 and process B shard 1 (the fake Discord's guilds split between them), and
 * both serve the same Slack app in HTTP mode (signed requests sent to either). Here each process
 * is a full Wiring of its own in this JVM; {@link TwoProcessesChildJvmTest} runs two real JVMs.
 */
class TwoProcessesTest {

    private static final String SLACK_CHANNEL = "C0GENERAL";
    private static final String SLACK_ADMIN = "U0ADMIN";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private DatabaseTarget.Postgres database;
    private FakeDiscord discord;
    private LoopbackSlack slack;
    private BotProcess a;
    private BotProcess b;

    /** One bot process: its own clock, wiring, Discord shard and Slack port. */
    private record BotProcess(MutableClock clock, Wiring wiring, DiscordBot discord, SlackApp slack)
            implements AutoCloseable {

        int slackPort() {
            return slack.httpPort();
        }

        @Override
        public void close() {
            try {
                discord.close();
                slack.close();
            } finally {
                wiring.close();
            }
        }
    }

    @BeforeEach
    void startTwoProcesses() throws Exception {
        database = TestPostgres.newDatabase();
        discord = new FakeDiscord()
                .withRecommendedShards(2)
                .withGuild(Payloads.guildCreate(GUILD, "Safety Readers", List.of(CHANNEL)))
                .withGuild(Payloads.guildCreate(SHARD_ONE_GUILD, "Shard One Readers", List.of(SHARD_ONE_CHANNEL)))
                .start();
        slack = new LoopbackSlack();
        a = start("a", "0");
        b = start("b", "1");
    }

    private BotProcess start(String name, String shard) throws Exception {
        Path home = Files.createDirectories(folder.resolve(name));
        Config base = TestConfigs.at(home).withDatabase(database);
        Config config = TestConfigs.withSlack(
                TestConfigs.withDiscord(
                        base,
                        new Config.Discord(
                                List.of(GUILD, SHARD_ONE_GUILD),
                                List.of(),
                                Optional.of(URI.create(discord.apiUrl())),
                                Optional.of(URI.create(discord.gatewayUrl())),
                                DiscordShards.parse("2", shard))),
                new Config.Slack(
                        Config.SlackMode.HTTP,
                        freePort(),
                        Optional.of(URI.create(slack.apiUrl())),
                        List.of(SLACK_ADMIN)));
        MutableClock clock = new MutableClock(DiscordHarness.START);
        Wiring wiring = new Wiring(config, clock);
        Secrets secrets = new Secrets(
                Optional.of(FakeDiscord.TOKEN),
                Optional.of(LoopbackSlack.BOT_TOKEN),
                Optional.empty(),
                Optional.of(LoopbackSlack.SIGNING_SECRET));
        SlackApp slackApp = wiring.slackApp(secrets);
        slackApp.start();
        DiscordBot discordBot = wiring.discordBot(config, secrets);
        discordBot.start();
        return new BotProcess(clock, wiring, discordBot, slackApp);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        try (FakeDiscord stopDiscord = discord;
                LoopbackSlack stopSlack = slack;
                BotProcess stopA = a;
                BotProcess stopB = b) {
            // closed in reverse order: the processes, then the fakes
        }
    }

    @Test
    void votes_sent_to_either_process_are_stored_once_and_both_show_the_same_results() throws Exception {
        // given a Slack poll created through A, and a Discord poll in a guild of each shard
        slack.createPollOverHttp(a.slackPort(), SLACK_CHANNEL, "U0ALICE", "Which fields first?");
        String discordA = discordSend(Payloads.slash(ALICE, GUILD, CHANNEL, "create", options()));
        String discordB = discordSend(Payloads.slash(ALICE, SHARD_ONE_GUILD, SHARD_ONE_CHANNEL, "create", options()));
        assertThat(DiscordHarness.answer(discord, discordA).path("content").asText())
                .contains("is posted");
        assertThat(DiscordHarness.answer(discord, discordB).path("content").asText())
                .contains("is posted");

        // when members vote through both processes, some changing a score through the other one
        int[] ports = {a.slackPort(), b.slackPort()};
        for (int voter = 0; voter < 6; voter++) {
            String member = "U0V" + voter;
            assertThat(slack.commandOverHttp(
                            ports[voter % 2],
                            SLACK_CHANNEL,
                            member,
                            "vote mech feedback=" + (1 + voter % 5) + " economic=3"))
                    .contains("Saved");
            assertThat(slack.commandOverHttp(
                            ports[(voter + 1) % 2],
                            SLACK_CHANNEL,
                            member,
                            "vote mech feedback=" + (5 - voter % 5) + " economic=4"))
                    .contains("Saved");
        }
        for (Payloads.Person member : List.of(ALICE, BOB, CAROL)) {
            for (String[] where :
                    List.of(new String[] {GUILD, CHANNEL}, new String[] {SHARD_ONE_GUILD, SHARD_ONE_CHANNEL})) {
                String voted = discordSend(Payloads.slash(
                        member,
                        where[0],
                        where[1],
                        "score",
                        options("field", "mech", "factor", "feedback", "score", "3")));
                assertThat(DiscordHarness.answer(discord, voted).path("content").asText())
                        .startsWith("Saved");
            }
        }

        // then every vote is stored once: one row per member and cell, holding the last score sent
        long slackPoll = pollIn(Platform.SLACK, "T0FIELD", SLACK_CHANNEL);
        assertThat(TestPostgres.query(database, "SELECT COUNT(*) FROM vote WHERE poll_id = " + slackPoll))
                .isEqualTo("12");
        assertThat(TestPostgres.strings(
                        database,
                        "SELECT score FROM vote WHERE poll_id = " + slackPoll
                                + " AND factor_key = 'feedback-quality' ORDER BY voter_id"))
                .containsExactly("5", "4", "3", "2", "1", "5");
        for (String[] where :
                List.of(new String[] {GUILD, CHANNEL}, new String[] {SHARD_ONE_GUILD, SHARD_ONE_CHANNEL})) {
            long poll = pollIn(Platform.DISCORD, where[0], where[1]);
            assertThat(TestPostgres.query(database, "SELECT COUNT(*) FROM vote WHERE poll_id = " + poll))
                    .isEqualTo("3");
        }
        // and either process shows the same results
        String fromA = slack.commandOverHttp(a.slackPort(), SLACK_CHANNEL, SLACK_ADMIN, "results");
        String fromB = slack.commandOverHttp(b.slackPort(), SLACK_CHANNEL, SLACK_ADMIN, "results");
        assertThat(fromA).contains("Mech Interp").isEqualTo(fromB);
    }

    @Test
    void both_processes_racing_for_the_same_summaries_post_each_once() throws Exception {
        // given a poll and a weekly summary (Friday 10:30 UTC) in the Slack channel and in a channel of each shard
        slack.createPollOverHttp(a.slackPort(), SLACK_CHANNEL, "U0ALICE", "Which fields first?");
        for (String[] where :
                List.of(new String[] {GUILD, CHANNEL}, new String[] {SHARD_ONE_GUILD, SHARD_ONE_CHANNEL})) {
            String created = discordSend(Payloads.slash(ALICE, where[0], where[1], "create", options()));
            assertThat(DiscordHarness.answer(discord, created).path("content").asText())
                    .contains("is posted");
            schedule(new Workspace(Platform.DISCORD, where[0]), where[1]);
        }
        schedule(new Workspace(Platform.SLACK, "T0FIELD"), SLACK_CHANNEL);
        long slackPostsBefore = slack.postedIn(SLACK_CHANNEL);
        int discordPostsBefore = discordPosts();

        // when the time comes and both processes run their summary job at the same moment
        a.clock().advance(Duration.ofMinutes(31));
        b.clock().advance(Duration.ofMinutes(31));
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> byA = runSummariesAfter(go, a);
        CompletableFuture<Integer> byB = runSummariesAfter(go, b);
        go.countDown();
        int postedByA = byA.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        int postedByB = byB.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        // then each of the three channels got its summary once: the Discord ones from the process of their shard
        assertThat(postedByA + postedByB).isEqualTo(3);
        assertThat(postedByA).isBetween(1, 2);
        assertThat(postedByB).isBetween(1, 2);
        assertThat(TestPostgres.query(database, "SELECT COUNT(*) FROM summary_run WHERE posted_at IS NOT NULL"))
                .isEqualTo("3");
        assertThat(slack.postedIn(SLACK_CHANNEL) - slackPostsBefore).isEqualTo(1);
        assertThat(discordPosts() - discordPostsBefore).isEqualTo(2);
        assertThat(discordPostsIn(CHANNEL)).isEqualTo(2);
        assertThat(discordPostsIn(SHARD_ONE_CHANNEL)).isEqualTo(2);

        // and running again posts nothing more
        assertThat(a.wiring().summaryJob().runDue().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isZero();
        assertThat(b.wiring().summaryJob().runDue().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isZero();
    }

    @Test
    void a_summary_claimed_by_a_process_that_died_is_posted_by_the_other_once_its_lease_lapsed() throws Exception {
        // given a schedule, and process A that claimed this week's run and died before posting it
        slack.createPollOverHttp(a.slackPort(), SLACK_CHANNEL, "U0ALICE", "Which fields first?");
        Schedule schedule = schedule(new Workspace(Platform.SLACK, "T0FIELD"), SLACK_CHANNEL);
        a.clock().advance(Duration.ofMinutes(31));
        b.clock().advance(Duration.ofMinutes(31));
        assertThat(a.wiring()
                        .summaries()
                        .claimRun(
                                schedule,
                                schedule.latestRunAtOrBefore(a.clock().instant())
                                        .period(),
                                a.clock().instant(),
                                Duration.ofMinutes(15)))
                .isTrue();
        long before = slack.postedIn(SLACK_CHANNEL);

        // when B runs the job within the lease, and again once it lapsed
        int withinLease =
                b.wiring().summaryJob().runDue().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        b.clock().advance(Duration.ofMinutes(16));
        int afterLease = b.wiring().summaryJob().runDue().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        // then the claim held while it could still be A's, and then B posted the summary, once, saying it is late
        assertThat(withinLease).isZero();
        assertThat(afterLease).isEqualTo(1);
        assertThat(slack.postedIn(SLACK_CHANNEL) - before).isEqualTo(1);
        assertThat(slack.postsIn(SLACK_CHANNEL).get(slack.postsIn(SLACK_CHANNEL).size() - 1))
                .contains("late");
    }

    private Schedule schedule(Workspace workspace, String channel) {
        Schedule schedule = new Schedule(
                workspace, channel, DayOfWeek.FRIDAY, LocalTime.of(10, 30), ZoneOffset.UTC, DiscordHarness.START);
        a.wiring().summaries().saveSchedule(schedule, "admin");
        return schedule;
    }

    private static CompletableFuture<Integer> runSummariesAfter(CountDownLatch go, BotProcess process) {
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(interrupted);
                    }
                    return process.wiring().summaryJob().runDue();
                })
                .thenCompose(stage -> stage);
    }

    private String discordSend(com.fasterxml.jackson.databind.node.ObjectNode interaction) {
        discord.interact(interaction);
        return interaction.get("token").asText();
    }

    private long pollIn(Platform platform, String workspace, String channel) {
        return a.wiring()
                .store()
                .listInChannel(new Workspace(platform, workspace), channel)
                .get(0)
                .id();
    }

    /** Messages the bot posted in channels itself (not interaction replies): poll messages and summaries. */
    private int discordPosts() {
        return (int) discord.requests().stream()
                .filter(request -> request.is("POST", "/api/v10/channels/\\d+/messages"))
                .count();
    }

    private int discordPostsIn(String channel) {
        return (int) discord.requests().stream()
                .filter(request -> request.is("POST", "/api/v10/channels/" + channel + "/messages"))
                .count();
    }
}
