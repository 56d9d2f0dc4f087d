package dev.fieldpoll.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.testing.Golden;
import dev.fieldpoll.testing.ReportFixtures;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Opinion groups in Block Kit: results, the weekly summary and a member's own ballot; the largest within limits. */
class SlackGroupBlocksTest {

    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final PollReport CAMPS = ReportFixtures.report(ReportFixtures.twoCamps());

    @Test
    void results_and_the_summary_name_the_common_ground_then_each_group() throws IOException {
        JsonNode results = json(new SlackResultsRenderer(ZoneOffset.UTC).render(CAMPS));
        List<SlackMessage> summary = new SlackSummaryRenderer()
                .render(new ChannelSummary(
                        new Workspace(Platform.SLACK, "T0FIELD"),
                        "C0GENERAL",
                        LocalDate.of(2026, 11, 27),
                        Instant.parse("2026-11-27T17:00:00Z"),
                        Optional.empty(),
                        List.of(ReportFixtures.summaryOf(CAMPS))));

        Golden.assertMatches("slack/results-groups.json", JSON.writeValueAsString(results) + "\n");
        Golden.assertMatches(
                "slack/summary-groups.json",
                JSON.writeValueAsString(json(summary.get(0).blocks())) + "\n");
        assertThat(BlockKitLimits.message(results)).isEmpty();
        String text = results.toString();
        assertThat(text)
                .contains("*Opinion groups*\\n2 opinion groups among the 40 voters")
                .contains("• *Group A: 24 voters (60%); top fields: Mech Interp, Evals, Agent Foundations.*");
        assertThat(text.indexOf("Common ground")).isLessThan(text.indexOf("Group A"));
    }

    @Test
    void the_largest_groups_stay_within_slacks_limits() throws IOException {
        PollReport largest = new PollReport(
                CAMPS.poll(),
                CAMPS.factors(),
                CAMPS.cells(),
                CAMPS.ranking(),
                CAMPS.notRanked(),
                CAMPS.highlights(),
                CAMPS.reference(),
                CAMPS.agreement(),
                CAMPS.method(),
                CAMPS.minVoters(),
                CAMPS.labelFrom(),
                ReportFixtures.largestGroups());

        JsonNode results = json(new SlackResultsRenderer(ZoneOffset.UTC).render(largest));

        assertThat(BlockKitLimits.message(results)).isEmpty();
        assertThat(results.toString()).contains("Group D");
    }

    @Test
    void a_member_alone_is_told_their_closest_group() throws IOException {
        Poll poll = new Poll(
                7,
                new Workspace(Platform.SLACK, "T0FIELD"),
                "C0GENERAL",
                "Which fields get automated first?",
                null,
                ReportFixtures.DEFINITION,
                ResultsVisibility.LIVE,
                "U0ADMIN",
                Instant.parse("2026-11-20T10:00:00Z"),
                null,
                null);
        Ballot ballot = new Ballot(7, "U0B", ReportFixtures.twoCamps().get("camp-b-0"));

        SlackMessage reply = new SlackReplyRenderer()
                .render(new BotReply.MyBallot(poll, ballot, Optional.of(GroupSentences.closest("B", 2))));

        assertThat(json(reply.blocks()).toString())
                .contains(":busts_in_silhouette: Your ballot is closest to group B (one of 2 opinion groups;");
    }

    private static JsonNode json(Object slackModel) throws IOException {
        return JSON.readTree(SLACK_JSON.toJson(slackModel));
    }
}
