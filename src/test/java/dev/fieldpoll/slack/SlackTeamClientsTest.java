package dev.fieldpoll.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.fieldpoll.bot.PollMessageView;
import dev.fieldpoll.poll.Installation;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.store.Database;
import dev.fieldpoll.store.DatabaseSettings;
import dev.fieldpoll.store.SqlInstallationStore;
import dev.fieldpoll.store.TokenCipher;
import dev.fieldpoll.summary.ClosingReminder;
import dev.fieldpoll.summary.ResultsPost;
import dev.fieldpoll.testing.LogCapture;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.ReportFixtures;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token chosen per workspace for every Web API call, against the fake Slack and a real SQLite
 * store of installations: each team's own token, nothing sent for a team without installation (and
 * the jobs' posts skipped, logged once), a token Slack refuses read again, one token for all teams
 * in single-workspace mode.
 */
class SlackTeamClientsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private FakeSlack fake;
    private Slack slack;
    private Database database;
    private SqlInstallationStore installations;
    private SlackTeamClients clients;
    private SlackWeb web;

    @BeforeEach
    void open() throws Exception {
        fake = new FakeSlack();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        slack = Slack.getInstance(config);
        database = Database.open(TestDatabase.SQLITE.create(dir), DatabaseSettings.defaults());
        installations = new SqlInstallationStore(database, TokenCipher.fromBase64(SlackHarness.SECRET_KEY));
        clients = SlackTeamClients.installed(slack, installations, clock);
        web = new SlackWeb(slack, clients);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
        slack.close();
        fake.close();
    }

    @Test
    void each_team_posts_with_its_own_token_and_a_team_without_installation_sends_nothing() throws Exception {
        // given two workspaces installed
        installations.save(installation("T1", "xoxb-T1-first"));
        installations.save(installation("T2", "xoxb-T2-first"));

        // when each posts, and a third that never installed tries to
        assertThat(web.postMessage("T1", "C1", SlackMessage.text("one")).ok()).isTrue();
        assertThat(web.postMessage("T2", "C2", SlackMessage.text("two")).ok()).isTrue();
        SlackWeb.Result stranger = web.postMessage("T3", "C3", SlackMessage.text("three"));

        // then each call carried its team's token, and the third was not sent at all
        assertThat(fake.calls("chat.postMessage"))
                .extracting(FakeSlack.Call::bearer)
                .containsExactly("xoxb-T1-first", "xoxb-T2-first");
        assertThat(stranger.ok()).isFalse();
        assertThat(stranger.error()).isEqualTo(SlackWeb.NOT_INSTALLED);
    }

    @Test
    void an_uninstall_in_another_process_is_seen_once_the_remembered_token_lapses() {
        // given a workspace whose token was used (and so remembered)
        installations.save(installation("T1", "xoxb-T1-first"));
        assertThat(web.serves("T1")).isTrue();

        // when another process deletes its installation
        installations.delete("T1");

        // then this one still uses it until it lapses, and not after
        assertThat(web.serves("T1")).isTrue();
        clock.advance(SlackTeamClients.REMEMBER_FOR.plusSeconds(1));
        assertThat(web.serves("T1")).isFalse();
    }

    @Test
    void a_token_slack_refuses_is_read_again_so_a_reinstall_takes_effect_at_once() throws Exception {
        // given a workspace that reinstalled (new token) after this process remembered the old one
        installations.save(installation("T1", "xoxb-T1-old"));
        assertThat(web.serves("T1")).isTrue();
        installations.save(installation("T1", "xoxb-T1-new"));

        // when Slack refuses the old token
        fake.failNext("chat.postMessage", "invalid_auth");
        assertThat(web.postMessage("T1", "C1", SlackMessage.text("first")).ok()).isFalse();

        // then the next call reads the installation again and uses the new token
        assertThat(web.postMessage("T1", "C1", SlackMessage.text("again")).ok()).isTrue();
        assertThat(fake.calls("chat.postMessage"))
                .extracting(FakeSlack.Call::bearer)
                .containsExactly("xoxb-T1-old", "xoxb-T1-new");
    }

    @Test
    void the_jobs_posts_for_an_uninstalled_workspace_are_skipped_and_logged_once() {
        // given a poll of a workspace that is not installed (any more)
        Poll poll = poll("T9");
        SlackSummaryPublisher summaries = new SlackSummaryPublisher(web, ZoneOffset.UTC, clock);
        SlackPollMessagePublisher messages =
                new SlackPollMessagePublisher(web, new SlackPollMessageRenderer(ZoneOffset.UTC));
        SlackResultsPublisher results = new SlackResultsPublisher(web);

        try (LogCapture logs = new LogCapture()) {
            // when its reminder, two redraws and its results post come due
            summaries.remind(new ClosingReminder(poll, 3, 3));
            PollMessageView view = new PollMessageView(poll, 3, NOW, List.of(), Optional.empty());
            boolean redrawn = messages.edit(view, "1764237600.000001");
            boolean again = messages.edit(view, "1764237600.000001");
            // the skip comes before any part is posted, so no resume record is needed
            Optional<String> link = results.publish(
                    new ResultsPost(
                            poll,
                            ReportFixtures.summaryOf(ReportFixtures.report(ReportFixtures.tenVoters())),
                            Optional.empty(),
                            Optional.of("1764237600.000001")),
                    null);

            // then nothing reaches Slack, nothing fails (no retry), and the log says it once
            assertThat(redrawn).isTrue();
            assertThat(again).isTrue();
            assertThat(link).isEmpty();
            assertThat(fake.calls()).isEmpty();
            assertThat(logs.text().split("T9 has not installed", -1)).hasSize(2);
        }
    }

    @Test
    void with_one_configured_token_every_team_uses_it() throws Exception {
        // given the single-workspace setup
        SlackWeb single = new SlackWeb(slack, SlackTeamClients.singleToken(slack, SlackHarness.BOT_TOKEN));

        // when posts for two team ids go out
        single.postMessage("T1", "C1", SlackMessage.text("one"));
        single.postMessage("T2", "C2", SlackMessage.text("two"));

        // then both used the configured token
        assertThat(fake.calls("chat.postMessage"))
                .extracting(FakeSlack.Call::bearer)
                .containsExactly(SlackHarness.BOT_TOKEN, SlackHarness.BOT_TOKEN);
    }

    private static Installation installation(String team, String token) {
        return new Installation(team, Optional.empty(), "U0BOT" + team, Optional.empty(), token, SlackApp.SCOPES, NOW);
    }

    private static Poll poll(String team) {
        return new Poll(
                7,
                new Workspace(Platform.SLACK, team),
                "C0GENERAL",
                "Which fields get automated first?",
                null,
                ReportFixtures.DEFINITION,
                ResultsVisibility.LIVE,
                "U0ADMIN",
                NOW.minusSeconds(86_400),
                NOW.plusSeconds(86_400),
                null);
    }
}
