package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.BOB;
import static dev.fieldpoll.discord.Payloads.CAROL;
import static dev.fieldpoll.discord.Payloads.CHANNEL;
import static dev.fieldpoll.discord.Payloads.DANA;
import static dev.fieldpoll.discord.Payloads.GUILD;
import static dev.fieldpoll.discord.Payloads.MOD;
import static dev.fieldpoll.discord.Payloads.OTHER_GUILD;
import static dev.fieldpoll.discord.Payloads.OTHER_GUILD_CHANNEL;
import static dev.fieldpoll.discord.Payloads.POLL_ADMIN;
import static dev.fieldpoll.discord.Payloads.ROLE_CORE;
import static dev.fieldpoll.discord.Payloads.SECOND_CHANNEL;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.discord.Payloads.Person;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollStore;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fieldpoll on Discord end to end: the real Wiring and the real JDA against a fake Discord on
 * loopback, a temporary SQLite file, INTERACTION_CREATE payloads as Discord sends them, and
 * assertions on what the bot sends back and on what the database holds.
 */
class DiscordBotEndToEndTest {

    private static final CellKey OVERSIGHT_FEEDBACK = new CellKey("scalable-oversight", "feedback-quality");
    private static final CellKey OVERSIGHT_ECONOMIC = new CellKey("scalable-oversight", "economic-incentive");
    private static final CellKey MECH_ECONOMIC = new CellKey("mech-interp", "economic-incentive");

    @TempDir
    Path folder;

    private DiscordHarness harness;
    private FakeDiscord discord;
    private PollStore store;

    @BeforeEach
    void startBot() throws InterruptedException {
        harness = new DiscordHarness(folder);
        discord = harness.discord;
        store = harness.wiring.store();
    }

    @AfterEach
    void stopBot() {
        harness.close();
    }

    // ---- helpers: what members do ----

    /** /poll create as the member; returns the new poll's id once its message is posted. */
    private long create(Person person, Map<String, Object> options) {
        String token = harness.send(Payloads.slash(person, "create", options));
        assertThat(harness.answerText(token)).contains("is posted");
        return store.listInChannel(new Workspace(Platform.DISCORD, GUILD), CHANNEL)
                .get(0)
                .id();
    }

    private ObjectNode pollMessage(long pollId) {
        return discord.message(store.messageId(pollId).orElseThrow());
    }

    /** Presses Vote on the poll message; returns the token of that click. */
    private String pressVote(Person person, long pollId) {
        return harness.send(Payloads.button(person, pollMessage(pollId), "fp1:vote:" + pollId));
    }

    private ObjectNode ballotAfter(String token) {
        return harness.originalMessage(token);
    }

    private String choose(Person person, ObjectNode ballot, long pollId, CellKey cell, String... values) {
        return harness.send(Payloads.select(
                person, ballot, "fp1:answer:" + pollId + ":" + cell.field() + ":" + cell.factor(), List.of(values)));
    }

    private String score(Person person, String field, String factor, String score) {
        return harness.send(Payloads.slash(person, "score", options("field", field, "factor", factor, "score", score)));
    }

    private static int callbackType(FakeDiscord.Request callback) {
        return callback.body().path("type").asInt();
    }

    private static List<String> selectIds(ObjectNode message) {
        List<String> ids = new ArrayList<>();
        for (JsonNode row : message.path("components")) {
            for (JsonNode component : row.path("components")) {
                ids.add(component.path("custom_id").asText());
            }
        }
        return ids;
    }

    private static JsonNode component(JsonNode message, String customId) {
        for (JsonNode row : message.path("components")) {
            for (JsonNode component : row.path("components")) {
                if (component.path("custom_id").asText().equals(customId)) {
                    return component;
                }
            }
        }
        throw new AssertionError("no component " + customId + " in " + message);
    }

    private static List<String> defaults(JsonNode select) {
        List<String> chosen = new ArrayList<>();
        for (JsonNode option : select.path("options")) {
            if (option.path("default").asBoolean()) {
                chosen.add(option.path("value").asText());
            }
        }
        return chosen;
    }

    // ---- the tests ----

    @Test
    void startup_registers_the_poll_command_in_the_configured_guild_without_privileged_intents() {
        FakeDiscord.Request registration = harness.await(request -> request.is(
                "PUT", "/api/v10/applications/" + FakeDiscord.APPLICATION_ID + "/guilds/" + GUILD + "/commands"));

        Golden.assertMatches("commands", registration.body());
        assertThat(harness.bot.inviteUrl())
                .isEqualTo("https://discord.com/oauth2/authorize?client_id=" + FakeDiscord.APPLICATION_ID
                        + "&scope=bot+applications.commands&permissions=52224");
        JsonNode identify = FakeDiscord.parse(discord.identifyFrame().orElseThrow());
        assertThat(identify.path("d").path("intents").asInt()).as("GUILDS only").isEqualTo(1);
        assertThat(identify.path("d").path("token").asText()).isEqualTo(FakeDiscord.TOKEN);
        assertThat(discord.requests())
                .noneMatch(request ->
                        request.path().contains("/applications/" + FakeDiscord.APPLICATION_ID + "/commands"));
    }

    @Test
    void poll_create_posts_the_poll_message_with_its_embed_and_buttons() {
        String token = harness.send(Payloads.slash(ALICE, "create", options("closes", "3d")));

        FakeDiscord.Request answered = harness.callback(token);
        assertThat(callbackType(answered))
                .as("answered at once, after the poll is saved and posted")
                .isEqualTo(4);
        assertThat(answered.body().path("data").path("flags").asInt()).isEqualTo(FakeDiscord.EPHEMERAL);
        FakeDiscord.Request posted =
                harness.await(request -> request.is("POST", "/api/v10/channels/" + CHANNEL + "/messages"));
        Golden.assertMatches("poll-message", posted.body());
        assertThat(harness.answerText(token))
                .startsWith(
                        "Poll #1 **Which AI safety fields get automated first?** is posted: https://discord.com/channels/");

        Poll poll = store.findById(1).orElseThrow();
        assertThat(poll.workspace()).isEqualTo(new Workspace(Platform.DISCORD, GUILD));
        assertThat(poll.channelId()).isEqualTo(CHANNEL);
        assertThat(poll.createdBy()).isEqualTo(ALICE.id());
        assertThat(poll.closesAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(pollMessage(1).path("embeds").get(0).path("title").asText())
                .as("the message id is remembered")
                .isEqualTo("📊 Which AI safety fields get automated first?");
    }

    @Test
    void vote_opens_a_stepped_ballot_whose_choices_are_stored_at_once() {
        long poll = create(ALICE, options());

        String vote = pressVote(BOB, poll);
        FakeDiscord.Request answered = harness.callback(vote);
        assertThat(callbackType(answered))
                .as("the ballot is the first response")
                .isEqualTo(4);
        assertThat(answered.body().path("data").path("flags").asInt()).isEqualTo(FakeDiscord.EPHEMERAL);
        Golden.assertMatches("ballot-page-1", harness.answer(vote));
        ObjectNode ballot = ballotAfter(vote);
        assertThat(ballot.path("flags").asInt()).isEqualTo(FakeDiscord.EPHEMERAL);

        // a score, then "don't know": each saved at once, the ballot redrawn with the choice preset
        String four = choose(BOB, ballot, poll, OVERSIGHT_FEEDBACK, "4");
        assertThat(callbackType(harness.callback(four)))
                .as("the ballot updated in place, once the choice is on disk, is the first response")
                .isEqualTo(7);
        JsonNode redrawn = harness.answer(four);
        Golden.assertMatches("ballot-page-1-after-a-choice", redrawn);
        assertThat(defaults(component(redrawn, "fp1:answer:1:scalable-oversight:feedback-quality")))
                .containsExactly("4");
        assertThat(store.ballot(poll, BOB.id()).answers()).containsEntry(OVERSIGHT_FEEDBACK, Answer.score(4));

        String unsure = choose(BOB, ballotAfter(four), poll, MECH_ECONOMIC, "?");
        assertThat(defaults(component(harness.answer(unsure), "fp1:answer:1:mech-interp:economic-incentive")))
                .containsExactly("?");
        assertThat(store.ballot(poll, BOB.id()).answers()).containsEntry(MECH_ECONOMIC, Answer.DONT_KNOW);

        // every point of the scale can be chosen
        String five = choose(BOB, ballotAfter(unsure), poll, OVERSIGHT_ECONOMIC, "5");
        String one = choose(BOB, ballotAfter(five), poll, new CellKey("mech-interp", "feedback-quality"), "1");
        ObjectNode afterOne = ballotAfter(one);
        String two = choose(BOB, afterOne, poll, OVERSIGHT_FEEDBACK, "2");
        String three = choose(BOB, ballotAfter(two), poll, OVERSIGHT_FEEDBACK, "3");
        ballotAfter(three);
        assertThat(store.ballot(poll, BOB.id()).answers())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        OVERSIGHT_FEEDBACK,
                        Answer.score(3),
                        OVERSIGHT_ECONOMIC,
                        Answer.score(5),
                        new CellKey("mech-interp", "feedback-quality"),
                        Answer.score(1),
                        MECH_ECONOMIC,
                        Answer.DONT_KNOW));

        // Next shows fields 3-4, Back returns to fields 1-2 with the choices preset
        String next = harness.send(Payloads.button(BOB, ballotAfter(three), "fp1:page:1:1"));
        assertThat(callbackType(harness.callback(next))).isEqualTo(7);
        ObjectNode second = ballotAfter(next);
        assertThat(second.path("content").asText())
                .contains("Fields 3–4 of 10")
                .contains("AI Control")
                .contains("Model Organisms of Misalignment");
        assertThat(selectIds(second))
                .contains("fp1:answer:1:ai-control:feedback-quality", "fp1:page:1:0", "fp1:page:1:2", "fp1:done:1");
        String back = harness.send(Payloads.button(BOB, second, "fp1:page:1:0"));
        ObjectNode first = ballotAfter(back);
        assertThat(first.path("content").asText()).contains("Fields 1–2 of 10");
        assertThat(defaults(component(first, "fp1:answer:1:scalable-oversight:economic-incentive")))
                .containsExactly("5");

        // taking a choice back (nothing selected) withdraws it
        String withdraw = choose(BOB, first, poll, OVERSIGHT_ECONOMIC);
        assertThat(defaults(component(harness.answer(withdraw), "fp1:answer:1:scalable-oversight:economic-incentive")))
                .isEmpty();
        assertThat(store.ballot(poll, BOB.id()).answers())
                .doesNotContainKey(OVERSIGHT_ECONOMIC)
                .hasSize(3);

        // Done: a recap and what is still unanswered
        String done = harness.send(Payloads.button(BOB, ballotAfter(withdraw), "fp1:done:1"));
        assertThat(callbackType(harness.callback(done))).isEqualTo(7);
        Golden.assertMatches("ballot-recap", harness.answer(done));
    }

    @Test
    void votes_from_several_members_update_the_poll_messages_count() {
        long poll = create(ALICE, options());
        String messageId = store.messageId(poll).orElseThrow();

        for (Person voter : List.of(BOB, CAROL, DANA)) {
            String token = score(voter, "mech", "feedback", "4");
            assertThat(harness.answerText(token)).startsWith("Saved: Mech Interp · Feedback quality = 4.");
        }

        FakeDiscord.Request refreshed =
                harness.await(request -> request.is("PATCH", "/api/v10/channels/" + CHANNEL + "/messages/" + messageId)
                        && request.text().contains("\"3 members\""));
        assertThat(refreshed
                        .body()
                        .path("components")
                        .get(0)
                        .path("components")
                        .get(0)
                        .path("disabled")
                        .asBoolean())
                .isFalse();
        assertThat(store.voterCount(poll)).isEqualTo(3);
        assertThat(discord.message(messageId).path("embeds").get(0).toString()).contains("3 members");
    }

    @Test
    void results_mine_close_and_a_vote_after_close_is_refused() {
        long poll = create(ALICE, options());
        // five members, so every cell scored has enough voters to show where they split
        String[] cells = {
            "mech feedback",
            "mech economic",
            "evals feedback",
            "evals economic",
            "scalable feedback",
            "scalable economic",
            "ai-control feedback",
            "ai-control economic"
        };
        int[][] scores = {
            {5, 4, 1, 3, 2, 5, 3, 2},
            {4, 4, 5, 3, 3, 5, 1, 3},
            {5, 5, 1, 2, 2, 4, 4, 3},
            {4, 3, 5, 4, 4, 5, 2, 2},
            {5, 4, 2, 3, 3, 4, 5, 2}
        };
        List<Person> voters = List.of(BOB, CAROL, DANA, MOD, POLL_ADMIN);
        for (int voter = 0; voter < voters.size(); voter++) {
            for (int cell = 0; cell < cells.length; cell++) {
                String[] fieldAndFactor = cells[cell].split(" ");
                String token = score(
                        voters.get(voter), fieldAndFactor[0], fieldAndFactor[1], Integer.toString(scores[voter][cell]));
                assertThat(harness.answerText(token)).startsWith("Saved:");
            }
        }
        String ballotClick = pressVote(BOB, poll);
        ObjectNode ballot = ballotAfter(ballotClick);

        // Results and My votes, each just for the member who asked
        String results = harness.send(Payloads.button(CAROL, pollMessage(poll), "fp1:results:1"));
        assertThat(harness.callback(results).body().path("data").path("flags").asInt())
                .isEqualTo(FakeDiscord.EPHEMERAL);
        Golden.assertMatches("results", harness.answer(results));
        String mine = harness.send(Payloads.button(BOB, pollMessage(poll), "fp1:mine:1"));
        Golden.assertMatches("my-votes", harness.answer(mine));

        // a member who neither started the poll nor is an admin may not close it
        String refused = harness.send(Payloads.slash(CAROL, "close", options()));
        assertThat(harness.answerText(refused)).contains("Only the member who started");
        assertThat(store.findById(poll).orElseThrow().closedAt()).isNull();

        // an admin (Manage Server) closes it: the poll message shows it closed at once
        harness.clock.advance(Duration.ofHours(2));
        String close = harness.send(Payloads.slash(MOD, "close", options("poll", "1")));
        assertThat(harness.answerText(close))
                .startsWith("Closed poll #1 **Which AI safety fields get automated first?** with 5 voters.");
        assertThat(store.findById(poll).orElseThrow().closedAt()).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
        String messageId = store.messageId(poll).orElseThrow();
        FakeDiscord.Request closedMessage =
                harness.await(request -> request.is("PATCH", "/api/v10/channels/" + CHANNEL + "/messages/" + messageId)
                        && request.text().contains("[Closed]"));
        Golden.assertMatches("poll-message-closed", closedMessage.body());

        // a choice on a ballot opened before the close is refused, and changes nothing
        Map<CellKey, Answer> before = store.ballot(poll, BOB.id()).answers();
        String late = choose(BOB, ballot, poll, OVERSIGHT_FEEDBACK, "1");
        assertThat(callbackType(harness.callback(late)))
                .as("a reply of its own, so the ballot stays")
                .isEqualTo(4);
        JsonNode refusal = harness.answer(late);
        assertThat(refusal.path("content").asText()).contains("is closed, so votes are no longer taken");
        assertThat(refusal.path("flags").asInt()).isEqualTo(FakeDiscord.EPHEMERAL);
        String lateVote = pressVote(CAROL, poll);
        assertThat(harness.answerText(lateVote)).contains("is closed");
        String lateScore = score(CAROL, "evals", "feedback", "1");
        assertThat(harness.answerText(lateScore)).contains("is closed");
        assertThat(store.ballot(poll, BOB.id()).answers()).isEqualTo(before);
        assertThat(store.voterCount(poll)).isEqualTo(5);
    }

    @Test
    void forged_stale_and_foreign_ids_are_refused_and_change_nothing() {
        long poll = create(ALICE, options());
        harness.answer(score(BOB, "evals", "feedback", "2"));
        ObjectNode ballot = ballotAfter(pressVote(BOB, poll));
        ObjectNode message = pollMessage(poll);
        List<String> tokens = new ArrayList<>();

        // a member of another guild clicks a copy of this guild's Vote button
        String foreign = harness.send(Payloads.button(CAROL, OTHER_GUILD, OTHER_GUILD_CHANNEL, message, "fp1:vote:1"));
        assertThat(harness.answerText(foreign)).contains("No poll #1 in this channel");
        tokens.add(foreign);
        // ids that are not ours, or name a page or cell the poll lacks
        for (String forged : List.of("garbage", "fp1:vote:abc", "fp1:launch:1", "fp1:page:1:99", "fp2:vote:1")) {
            String token = harness.send(Payloads.button(BOB, forged.startsWith("fp1:page") ? ballot : message, forged));
            assertThat(harness.answerText(token))
                    .as(forged)
                    .contains(
                            forged.startsWith("fp1:page")
                                    ? "That ballot page does not exist"
                                    : "I don't recognise that button");
            tokens.add(token);
        }
        // a ballot select replayed on the public poll message must not turn it into a ballot
        String onPublic = choose(BOB, message, poll, OVERSIGHT_FEEDBACK, "5");
        assertThat(callbackType(harness.callback(onPublic)))
                .as("a new ephemeral reply, not an edit")
                .isEqualTo(4);
        assertThat(harness.answerText(onPublic)).contains("I don't recognise that button");
        tokens.add(onPublic);
        // a score off the scale, a cell the poll lacks, two answers at once
        String offScale = choose(BOB, ballot, poll, OVERSIGHT_FEEDBACK, "9");
        assertThat(harness.answerText(offScale)).contains("'9' is not a score here");
        String noSuchField =
                harness.send(Payloads.select(BOB, ballot, "fp1:answer:1:nope:feedback-quality", List.of("3")));
        assertThat(harness.answerText(noSuchField)).contains("This poll has no 'nope'");
        String twice = choose(BOB, ballot, poll, OVERSIGHT_FEEDBACK, "2", "3");
        assertThat(harness.answerText(twice)).contains("Pick one answer");
        // a select claiming another guild's poll id
        String otherPoll =
                harness.send(Payloads.select(BOB, ballot, "fp1:answer:77:evals:feedback-quality", List.of("3")));
        assertThat(harness.answerText(otherPoll)).contains("No poll #77 in this channel");
        // a non-admin closing someone else's poll
        String close = harness.send(Payloads.slash(CAROL, "close", options("poll", "#1")));
        assertThat(harness.answerText(close)).contains("Only the member who started");
        tokens.addAll(List.of(offScale, noSuchField, twice, otherPoll, close));

        for (String token : tokens) {
            assertThat(harness.callback(token))
                    .as("every interaction is answered")
                    .isNotNull();
        }
        assertThat(store.ballot(poll, BOB.id()).answers())
                .containsExactlyEntriesOf(Map.of(new CellKey("evals", "feedback-quality"), Answer.score(2)));
        assertThat(store.voterCount(poll)).isEqualTo(1);
        assertThat(store.findById(poll).orElseThrow().closedAt()).isNull();
        assertThat(selectIds(pollMessage(poll)))
                .as("the public poll message still shows only its buttons")
                .containsExactly("fp1:vote:1", "fp1:results:1", "fp1:mine:1", "fp1:edit:1");
    }

    @Test
    void a_poll_of_another_channel_is_refused_like_an_unknown_one_privately_and_changes_nothing() {
        // given a poll in one channel, and Bob's open ballot for it
        long poll = create(ALICE, options());
        ObjectNode message = pollMessage(poll);
        ObjectNode ballot = ballotAfter(pressVote(BOB, poll));
        String refusal = "No poll #" + poll + " in this channel";
        List<String> tokens = new ArrayList<>();

        // when Carol, in another channel of the guild, uses copies of its buttons and selects, or names it
        for (String id : List.of("fp1:vote:", "fp1:results:", "fp1:mine:")) {
            tokens.add(harness.send(Payloads.button(CAROL, GUILD, SECOND_CHANNEL, message, id + poll)));
        }
        tokens.add(harness.send(Payloads.slash(CAROL, GUILD, SECOND_CHANNEL, "results", options("poll", "#" + poll))));
        tokens.add(harness.send(Payloads.slash(CAROL, GUILD, SECOND_CHANNEL, "mine", options("poll", "#" + poll))));
        tokens.add(harness.send(Payloads.slash(
                CAROL,
                GUILD,
                SECOND_CHANNEL,
                "score",
                options("poll", "#" + poll, "field", "evals", "factor", "feedback", "score", "3"))));
        String select = harness.send(Payloads.select(
                CAROL, SECOND_CHANNEL, ballot, "fp1:answer:" + poll + ":evals:feedback-quality", List.of("3")));

        // then each is told, privately, what an unknown poll gets
        for (String token : tokens) {
            assertThat(harness.answerText(token)).contains(refusal);
            assertThat(harness.callback(token).body().path("data").path("flags").asInt())
                    .isEqualTo(FakeDiscord.EPHEMERAL);
        }
        JsonNode selected = harness.answer(select);
        assertThat(selected.path("content").asText()).contains(refusal);
        assertThat(selected.path("flags").asInt()).isEqualTo(FakeDiscord.EPHEMERAL);
        assertThat(store.voterCount(poll)).isZero();
    }

    @Test
    void a_poll_in_any_script_posts_its_ballot_and_takes_votes_through_its_unicode_component_ids() {
        long poll = create(ALICE, options("title", "水果调查", "fields", "苹果; 香蕉; 🍌", "factors", "Важность; Сложность"));
        ObjectNode ballot = ballotAfter(pressVote(BOB, poll));
        assertThat(selectIds(ballot))
                .contains("fp1:answer:" + poll + ":苹果:важность", "fp1:answer:" + poll + ":香蕉:сложность");

        String chosen = harness.send(Payloads.select(BOB, ballot, "fp1:answer:" + poll + ":苹果:важность", List.of("4")));
        String typed = score(BOB, "🍌", "слож", "2");

        assertThat(callbackType(harness.callback(chosen))).isEqualTo(7);
        assertThat(harness.answerText(typed)).contains("Saved");
        assertThat(store.ballot(poll, BOB.id()).answers())
                .isEqualTo(Map.of(
                        new CellKey("苹果", "важность"),
                        Answer.score(4),
                        new CellKey("f3", "сложность"),
                        Answer.score(2)));
    }

    @Test
    void a_poll_closing_on_a_date_says_it_closes_at_the_end_of_that_day() {
        long poll = create(ALICE, options("title", "Holidays", "closes", "2026-12-24"));

        assertThat(pollMessage(poll).path("embeds").get(0).path("fields").toString())
                .contains("At the end of 24 Dec 2026 (UTC) (<t:"
                        + Instant.parse("2026-12-25T00:00:00Z").getEpochSecond() + ":R>)");
    }

    @Test
    void a_poll_message_someone_deleted_is_posted_again_at_the_next_redraw() {
        long poll = create(ALICE, options());
        String deleted = store.messageId(poll).orElseThrow();

        // when a member deletes the poll message, and Bob votes
        discord.deleteMessage(deleted);
        harness.answer(score(BOB, "evals", "feedback", "2"));

        // then the redraw finds it gone and posts it again, with the vote counted
        FakeDiscord.Request reposted =
                harness.await(request -> request.is("POST", "/api/v10/channels/" + CHANNEL + "/messages")
                        && request.text().contains("\"1 member\""));
        assertThat(reposted.body().path("embeds").toString()).contains("Which AI safety fields get automated first?");
        String again = discord.lastMessageIn(CHANNEL).path("id").asText();
        assertThat(again).isNotEqualTo(deleted);
        Eventually.value(() -> store.messageId(poll), again::equals, "the new message recorded");

        // and the next redraw edits the new message
        harness.answer(score(CAROL, "evals", "feedback", "4"));
        harness.await(request -> request.is("PATCH", "/api/v10/channels/" + CHANNEL + "/messages/" + again)
                && request.text().contains("\"2 members\""));
    }

    @Test
    void a_poll_limited_to_a_role_explains_itself_to_members_without_it() {
        String token = harness.send(Payloads.slash(
                MOD,
                "create",
                options(
                        "title",
                        "Core team priorities",
                        "fields",
                        "Evals; Mech Interp",
                        "factors",
                        "Feedback; Incentive",
                        "voters",
                        ROLE_CORE,
                        "results",
                        "live")));
        assertThat(harness.answerText(token)).contains("is posted");
        Poll poll = store.findById(1).orElseThrow();
        assertThat(poll.voterRole()).contains(ROLE_CORE);
        assertThat(pollMessage(1).path("embeds").get(0).toString()).contains("<@&" + ROLE_CORE + ">");

        String outsider = pressVote(ALICE, 1);
        assertThat(harness.answerText(outsider)).contains("limited to members with its voter role");
        String outsiderScore = score(ALICE, "evals", "feedback", "3");
        assertThat(harness.answerText(outsiderScore)).contains("limited to members with its voter role");
        String member = pressVote(BOB, 1);
        assertThat(harness.answer(member).path("components")).hasSize(4 + 1);
        String memberScore = score(BOB, "evals", "feedback", "3");
        assertThat(harness.answerText(memberScore)).startsWith("Saved:");

        assertThat(store.voterCount(1)).isEqualTo(1);
        assertThat(store.ballot(1, ALICE.id()).isEmpty()).isTrue();
    }

    @Test
    void autocomplete_suggests_templates_polls_fields_and_factors() {
        create(ALICE, options());

        String templates = harness.send(Payloads.autocomplete(ALICE, "create", Map.of("template", "road"), "template"));
        JsonNode templateChoices = harness.callback(templates).body();
        assertThat(templateChoices.path("type").asInt()).isEqualTo(8);
        assertThat(choices(harness.callback(templates)))
                .hasSize(1)
                .allMatch(choice -> choice.endsWith("=community-roadmap"));

        String fields = harness.send(
                Payloads.autocomplete(BOB, "score", Map.of("field", "mech", "factor", "", "score", "4"), "field"));
        assertThat(choices(harness.callback(fields))).containsExactly("Mech Interp=mech-interp");
        String factors = harness.send(
                Payloads.autocomplete(BOB, "score", Map.of("field", "mech-interp", "factor", "econ"), "factor"));
        assertThat(choices(harness.callback(factors))).containsExactly("Economic incentive=economic-incentive");
        String polls = harness.send(Payloads.autocomplete(BOB, "results", Map.of("poll", ""), "poll"));
        assertThat(choices(harness.callback(polls)))
                .containsExactly("#1 Which AI safety fields get automated first? (open)=1");
    }

    @Test
    void bad_input_gets_a_clear_ephemeral_answer_and_creates_nothing() {
        Map<Map<String, Object>, String> attempts = Map.of(
                options("closes", "soon"), "I can't read closes:soon",
                options("template", "nope"), "No template 'nope'",
                options("title", "Ad hoc", "fields", "Alpha; Beta"), "needs both",
                options("title", "Twins", "fields", "Evals; evals", "factors", "Impact"),
                        "two fields are both called 'evals'",
                options("title", "Many", "fields", manyFields(26), "factors", "Impact"), "a poll needs 1 to 25 fields",
                options("title", "Old", "closes", "2020-01-01"), "The close time is in the past");
        for (Map.Entry<Map<String, Object>, String> attempt : attempts.entrySet()) {
            String token = harness.send(Payloads.slash(ALICE, "create", attempt.getKey()));
            assertThat(harness.answerText(token))
                    .as(attempt.getKey().toString())
                    .startsWith("⚠️")
                    .contains(attempt.getValue());
            assertThat(callbackType(harness.callback(token))).isEqualTo(4);
        }
        String unknownPoll = harness.send(Payloads.slash(ALICE, "results", options("poll", "#42")));
        assertThat(harness.answerText(unknownPoll)).contains("No poll #42 in this channel");

        assertThat(store.listInChannel(new Workspace(Platform.DISCORD, GUILD), CHANNEL))
                .isEmpty();
        assertThat(discord.requests()).noneMatch(request -> request.path().startsWith("/api/v10/channels/"));
    }

    @Test
    void every_refusal_is_private_to_the_member_who_asked() {
        long poll = create(ALICE, options("results", "after-close"));
        ObjectNode message = pollMessage(poll);
        ObjectNode ballot = ballotAfter(pressVote(BOB, poll));
        List<String> refused = new ArrayList<>();

        refused.add(harness.send(Payloads.slash(CAROL, "create", options("closes", "soon"))));
        refused.add(harness.send(Payloads.slash(CAROL, "results", options("poll", "#42"))));
        refused.add(harness.send(Payloads.slash(CAROL, "results", options())));
        refused.add(harness.send(Payloads.slash(CAROL, "close", options())));
        refused.add(harness.send(
                Payloads.slash(CAROL, "score", options("field", "astrology", "factor", "feedback", "score", "3"))));
        refused.add(harness.send(Payloads.slashInGroup(CAROL, "summary", "now", options())));
        refused.add(harness.send(Payloads.button(CAROL, message, "fp1:results:" + poll)));
        refused.add(harness.send(Payloads.button(CAROL, message, "fp1:explode:" + poll)));
        refused.add(harness.send(directMessage(Payloads.slash(CAROL, "create", options()))));
        String onBallot = harness.send(Payloads.select(
                BOB, ballot, "fp1:answer:" + poll + ":scalable-oversight:feedback-quality", List.of("9")));

        for (String token : refused) {
            FakeDiscord.Request callback = harness.callback(token);
            assertThat(callbackType(callback)).as(harness.answerText(token)).isIn(4, 5);
            assertThat(callback.body().path("data").path("flags").asInt() & FakeDiscord.EPHEMERAL)
                    .as(harness.answerText(token))
                    .isEqualTo(FakeDiscord.EPHEMERAL);
            assertThat(harness.answerText(token)).startsWith("⚠️");
        }
        assertThat(callbackType(harness.callback(onBallot)))
                .as("a reply of its own, so the member's ballot stays")
                .isEqualTo(4);
        assertThat(harness.answer(onBallot).path("flags").asInt()).isEqualTo(FakeDiscord.EPHEMERAL);
        assertThat(harness.answerText(refused.get(refused.size() - 1))).contains("server channels");
    }

    /** The same interaction as sent in a direct message with the bot: no guild, a user instead of a member. */
    private static ObjectNode directMessage(ObjectNode interaction) {
        JsonNode user = interaction.path("member").path("user").deepCopy();
        interaction.remove(List.of("guild_id", "guild", "member"));
        interaction.set("user", user);
        interaction.put("context", 1);
        interaction.put("channel_id", "500000000000000001");
        ObjectNode channel =
                interaction.putObject("channel").put("id", "500000000000000001").put("type", 1);
        channel.putArray("recipients").add(user);
        interaction
                .putObject("authorizing_integration_owners")
                .put("1", user.path("id").asText());
        ((ObjectNode) interaction.path("data")).remove("guild_id");
        return interaction;
    }

    private static List<String> choices(FakeDiscord.Request autocomplete) {
        List<String> choices = new ArrayList<>();
        autocomplete
                .body()
                .path("data")
                .path("choices")
                .forEach(choice -> choices.add(choice.path("name").asText() + "="
                        + choice.path("value").asText()));
        return choices;
    }

    private static String manyFields(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("Field " + i);
        }
        return String.join("; ", names);
    }

    @Test
    void admins_by_configured_role_and_the_creator_post_results_publicly_and_others_may_not() {
        long poll = create(ALICE, options("results", "live"));

        String refused = harness.send(Payloads.slash(CAROL, "results", options("public", true)));
        assertThat(harness.answerText(refused)).contains("or an admin can post its results to the whole channel");
        String posted = harness.send(Payloads.slash(POLL_ADMIN, "results", options("public", true)));
        assertThat(harness.answerText(posted)).isEqualTo("Posted the results of poll #" + poll + " to this channel.");
        String byCreator = harness.send(Payloads.slash(ALICE, "results", options("public", true)));
        assertThat(harness.answerText(byCreator))
                .isEqualTo("Posted the results of poll #" + poll + " to this channel.");

        List<FakeDiscord.Request> publicPosts = discord.requests().stream()
                .filter(request -> request.is("POST", "/api/v10/channels/" + CHANNEL + "/messages"))
                .toList();
        assertThat(publicPosts).hasSize(3);
        assertThat(publicPosts.get(2).body().path("flags").asInt(0) & FakeDiscord.EPHEMERAL)
                .isZero();
        assertThat(publicPosts.get(1).body().path("embeds").get(0).path("title").asText())
                .isEqualTo("📈 Results · Which AI safety fields get automated first?");
        assertThat(publicPosts.get(1).body().path("flags").asInt(0) & FakeDiscord.EPHEMERAL)
                .isZero();
    }

    @Test
    void the_announce_option_false_stores_the_poll_without_a_results_post_and_its_absence_with_one() {
        long quiet = create(ALICE, options("announce", false));
        long announced = create(BOB, options());

        assertThat(store.findById(quiet).orElseThrow().announce()).isFalse();
        assertThat(store.findById(announced).orElseThrow().announce()).isTrue();
    }

    @Test
    void shutdown_finishes_the_pending_refresh_before_disconnecting() {
        long poll = create(ALICE, options());
        String messageId = store.messageId(poll).orElseThrow();
        harness.answer(score(BOB, "evals", "feedback", "2"));

        harness.bot.close();

        assertThat(discord.requests())
                .anyMatch(request -> request.is("PATCH", "/api/v10/channels/" + CHANNEL + "/messages/" + messageId)
                        && request.text().contains("\"1 member\""));
        assertThat(store.voterCount(poll)).isEqualTo(1);
    }
}
