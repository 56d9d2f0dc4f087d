package dev.fieldpoll.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results pages over real HTTP: a real wiring, a real SQLite file, links from the real console chat. */
class ResultsWebServerTest {

    private static final String CREATE = "/poll create Which fields first? closes:3d";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private Wiring wiring;
    private ChatSession chat;

    @BeforeEach
    void startPages() throws Exception {
        wiring = new Wiring(TestConfigs.withWeb(folder), clock);
        wiring.startWeb();
        chat = new ChatSession(wiring);
    }

    @AfterEach
    void stop() {
        if (wiring != null) {
            wiring.close();
        }
    }

    @Test
    void a_results_reply_carries_a_personal_link_whose_page_is_served_with_strict_headers() {
        // given a poll three members voted in
        chat.pollWithThreeVoters(CREATE);

        // when an admin asks for results in the chat
        String results = chat.say("/poll results");

        // then the reply ends with their own link, and the link opens the page
        assertThat(results).contains("Full results page (your own link, works until 2026-11-28 10:00 Z): http://");
        HttpResponse<String> page = chat.get(ChatSession.link(results));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(PageStyle.STANDARD.contentSecurityPolicy());
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body())
                .contains("<h1>Which fields first?</h1>")
                .contains("<strong>3</strong> voters")
                .contains("<table id=\"ranking\">")
                .contains("Downloads (admins)");
        HttpResponse<String> head = chat.send(HttpRequest.newBuilder(URI.create(ChatSession.link(results)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void a_page_follows_the_chats_rules_for_text_wording_and_channels() {
        // given a poll whose title came with an escape, a bidi override and a zero-width space, and three voters
        chat.pollWithThreeVoters("/poll create \"Which\u202E fields\u200B first?\u001B\" closes:3d");

        // when an admin's own link is opened
        String link = ChatSession.link(chat.say("/poll results"));
        String body = chat.get(link).body();

        // then the page shows the title as the chat stored it, and the template's words for a high score
        assertThat(body)
                .contains("<h1>Which fields first?</h1>")
                .doesNotContain("\u202E")
                .doesNotContain("\u200B")
                .doesNotContain("\u001B")
                .contains("<caption>Higher score = automated sooner;")
                .contains("ranking&#39;s scores (higher = automated sooner)");
        // and a member of another channel is told there is no such poll, with no link, while the signed link
        // (which names a poll, not a channel) still opens
        BotReply elsewhere = wiring.bot()
                .handle(
                        new Caller(Platform.CONSOLE, "local", "elsewhere", "you", true),
                        ((ParseResult.Parsed) new CommandParser().parse("/poll results #1")).command())
                .toCompletableFuture()
                .join();
        assertThat(elsewhere)
                .isEqualTo(
                        new BotReply.Problem("No poll #1 in this channel. `/poll list` shows this channel's polls."));
        assertThat(chat.get(link).statusCode()).isEqualTo(200);
    }

    @Test
    void the_same_link_shows_a_new_vote_at_once() {
        chat.pollWithThreeVoters(CREATE);
        String link = ChatSession.link(chat.say("/poll results"));
        assertThat(chat.get(link).body()).contains("<strong>3</strong> voters");
        // the report is computed once and kept while no vote changes the poll
        dev.fieldpoll.poll.Poll poll = wiring.store().findById(1).orElseThrow();
        dev.fieldpoll.report.PollReport kept = wiring.reports().reportFor(poll);
        assertThat(wiring.reports().reportFor(poll)).isSameAs(kept);

        chat.say(":as dana", "/poll vote mech feedback=1 economic=1");

        assertThat(wiring.reports().reportFor(poll)).isNotSameAs(kept);
        assertThat(chat.get(link).body()).contains("<strong>4</strong> voters");
    }

    @Test
    void forged_altered_expired_and_no_longer_allowed_links_get_403_saying_how_to_get_a_new_one() {
        // given links of an admin and of carol, who voted, looked, and withdrew her votes
        chat.pollWithThreeVoters(CREATE);
        String mine = ChatSession.link(chat.say("/poll results"));
        String carols = ChatSession.link(chat.say(":as carol", "/poll vote mech feedback=2", "/poll results"));
        chat.say(":as carol", "/poll vote mech feedback=clear");

        // a signature with one character changed
        int dot = mine.lastIndexOf('.');
        String forged =
                mine.substring(0, dot + 1) + (mine.charAt(dot + 1) == 'A' ? 'B' : 'A') + mine.substring(dot + 2);
        // carol's claims under the admin's signature
        String spliced = carols.substring(0, carols.lastIndexOf('.')) + mine.substring(dot);

        for (String bad : new String[] {forged, spliced}) {
            HttpResponse<String> refused = chat.get(bad);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body())
                    .contains("This link is not valid")
                    .contains("For a new link, type /poll results in the poll&#39;s channel")
                    .doesNotContain("ranking");
        }

        // carol's own, valid link: after-vote and she no longer has a vote, so the page refuses now
        HttpResponse<String> notVoted = chat.get(carols);
        assertThat(notVoted.statusCode()).isEqualTo(403);
        assertThat(notVoted.body()).contains("Vote first").doesNotContain("<table");

        // after its 24 hours the admin's link expires
        clock.advance(Duration.ofHours(24));
        HttpResponse<String> expired = chat.get(mine);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("This link has expired").contains("2026-11-28 10:00 Z");
    }

    @Test
    void nothing_but_signed_links_is_served_and_nothing_tells_whether_a_poll_exists() {
        chat.pollWithThreeVoters(CREATE);
        String base = "http://127.0.0.1:" + wiring.webPort();

        for (String path : new String[] {"/", "/r/", "/r//votes.csv", "/polls/1", "/favicon.ico"}) {
            assertThat(chat.get(base + path).statusCode()).as(path).isEqualTo(404);
        }
        // links signed with another secret, one naming poll 1 (which exists) and one poll 999 (which does not)
        LinkSigner stranger = new LinkSigner(new byte[32], clock);
        HttpResponse<String> existing = chat.get(base + "/r/" + stranger.sign(claims(1)));
        HttpResponse<String> missing = chat.get(base + "/r/" + stranger.sign(claims(999)));
        assertThat(existing.statusCode()).isEqualTo(403);
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(existing.body()).isEqualTo(missing.body());
        HttpResponse<String> post = chat.send(HttpRequest.newBuilder(URI.create(base + "/r/x.y"))
                .POST(HttpRequest.BodyPublishers.ofString("vote"))
                .build());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void admins_download_the_votes_and_the_report_members_cannot() throws Exception {
        chat.pollWithThreeVoters(CREATE);
        String admin = ChatSession.link(chat.say("/poll results"));
        String alice = ChatSession.link(chat.say(":as alice", "/poll results"));

        HttpResponse<String> votes = chat.get(admin + "/votes.csv");
        assertThat(votes.statusCode()).isEqualTo(200);
        assertThat(votes.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(votes.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"poll-1-votes.csv\"");
        assertThat(votes.body().lines()).first().isEqualTo("voter,field,factor,score");
        assertThat(votes.body().lines().skip(1)).hasSize(12).allMatch(line -> line.startsWith("v-"));
        assertThat(votes.body()).doesNotContain("alice").doesNotContain("bob");
        HttpResponse<String> report = chat.get(admin + "/report.json");
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(report.body());
        assertThat(json.path("poll").path("voters").asInt()).isEqualTo(3);
        // only the two fields the three voters scored on both factors are ranked
        assertThat(json.path("ranking")).hasSize(2);

        assertThat(chat.get(alice).body()).doesNotContain("Downloads").doesNotContain("votes.csv");
        assertThat(chat.get(alice + "/votes.csv").statusCode()).isEqualTo(403);
        assertThat(chat.get(alice + "/report.json").statusCode()).isEqualTo(403);
        assertThat(chat.get(admin + "/secrets.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void an_admin_makes_the_page_public_and_takes_it_back_for_good() {
        chat.pollWithThreeVoters(CREATE + " results:after-close");

        // members may not; an admin gets the public link
        assertThat(chat.say(":as alice", "/poll results #1 public page"))
                .contains("Only admins can make a poll's results page public or private.");
        String shared = chat.say("/poll results #1 public page");
        assertThat(shared).contains("The results page of #1 \"Which fields first?\" is public now: http://");
        String publicLink = ChatSession.link(shared);

        // anyone opens it, even before the close, and sees no downloads
        HttpResponse<String> page = chat.get(publicLink);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<table id=\"ranking\">")
                .contains("made its results page public")
                .doesNotContain("votes.csv");
        assertThat(chat.get(publicLink + "/votes.csv").statusCode()).isEqualTo(404);
        // results an admin posts to the channel carry the public link
        assertThat(chat.say("/poll results public")).contains("Public results page: " + publicLink);

        // taken back: the link no longer opens, not even once the page is public again
        assertThat(chat.say("/poll results #1 private page")).contains("is private again");
        HttpResponse<String> revoked = chat.get(publicLink);
        assertThat(revoked.statusCode()).isEqualTo(403);
        assertThat(revoked.body()).contains("taken its public page back");
        String again = ChatSession.link(chat.say("/poll results #1 public page"));
        assertThat(again).isNotEqualTo(publicLink);
        assertThat(chat.get(publicLink).statusCode()).isEqualTo(403);
        assertThat(chat.get(again).statusCode()).isEqualTo(200);
    }

    @Test
    void web_serves_a_copy_of_the_database_read_only_and_honours_the_bots_links() throws Exception {
        // given a link handed out by a bot, whose database is then copied elsewhere
        chat.pollWithThreeVoters(CREATE);
        String link = ChatSession.link(chat.say("/poll results"));
        wiring.close();
        Path copy = folder.resolve("elsewhere");
        java.nio.file.Files.createDirectories(copy);
        java.nio.file.Files.copy(folder.resolve("fieldpoll.db"), copy.resolve("fieldpoll.db"));
        byte[] before = java.nio.file.Files.readAllBytes(copy.resolve("fieldpoll.db"));

        // when the copy is served alone
        wiring = Wiring.pagesOnly(TestConfigs.withWeb(copy), clock);
        wiring.startWeb();
        chat = new ChatSession(wiring);

        // then the bot's link opens there, and the copy is never written
        HttpResponse<String> page = chat.get(chat.onThisServer(link));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<strong>3</strong> voters");
        assertThat(chat.say(":as erin", "/poll vote mech feedback=5")).contains("the poll database is read-only");
        wiring.close();
        wiring = null;
        assertThat(java.nio.file.Files.readAllBytes(copy.resolve("fieldpoll.db")))
                .isEqualTo(before);
    }

    @Test
    void with_pages_off_replies_carry_no_link_and_nothing_can_be_shared() {
        wiring.close();
        wiring = new Wiring(TestConfigs.at(folder.resolve("off")), clock);
        chat = new ChatSession(wiring);
        chat.pollWithThreeVoters(CREATE);

        assertThat(chat.say("/poll results")).doesNotContain("http://").doesNotContain("results page");
        assertThat(chat.say("/poll results public page")).contains("Results pages are switched off here");
    }

    private LinkClaims.Personal claims(long poll) {
        return new LinkClaims.Personal(
                poll, Platform.CONSOLE, "local", "you", true, clock.instant().plusSeconds(60));
    }
}
