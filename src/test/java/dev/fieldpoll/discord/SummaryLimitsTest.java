package dev.fieldpoll.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.Agreement;
import dev.fieldpoll.report.PollReport.FactorInfo;
import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.Measure;
import dev.fieldpoll.report.PollReport.Method;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceComparison;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.PollSummary.CellTurn;
import dev.fieldpoll.summary.PollSummary.Chart;
import dev.fieldpoll.summary.PollSummary.FieldMove;
import dev.fieldpoll.summary.PollSummary.Participation;
import dev.fieldpoll.summary.ResultsPost;
import dev.fieldpoll.testing.ReportFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** The largest summaries members can cause still fit Discord's limits, split over messages where needed. */
class SummaryLimitsTest {

    private static final LocalDate PERIOD = LocalDate.of(2026, 11, 27);
    private static final int FIELDS = 25;
    private static final int FACTORS = 5;

    /** Four groups over 25 × 5 cells with 80-character Markdown names: every groups list at its longest. */
    private static final PollReport.Groups LARGEST_GROUPS = ReportFixtures.largestGroups();

    /** An 80-character name full of Markdown, so escaping doubles it. */
    private static String name(String prefix, int i) {
        return (prefix + i + "_*".repeat(40)).substring(0, 80);
    }

    /** 25 fields and 5 factors, every field moved and every cell newly split, a reference for each field. */
    private static PollSummary largest(long id) {
        List<FactorInfo> factors = new ArrayList<>();
        for (int factor = 0; factor < FACTORS; factor++) {
            factors.add(new FactorInfo("factor-" + factor, name("g", factor), 1));
        }
        List<RankingEntry> ranking = new ArrayList<>();
        List<FieldMove> moves = new ArrayList<>();
        List<CellTurn> turns = new ArrayList<>();
        List<Highlight> highlights = new ArrayList<>();
        List<ReferenceField> reference = new ArrayList<>();
        for (int field = 0; field < FIELDS; field++) {
            int rank = field + 1;
            ranking.add(new RankingEntry(
                    rank, "field-" + field, name("f", field), 3.0, 2.5, 3.5, 1, 1, FIELDS, false, 0.5, 0.5, List.of()));
            moves.add(new FieldMove(rank, "field-" + field, name("f", field), FIELDS - field, 1, FIELDS));
            reference.add(new ReferenceField(
                    "field-" + field, name("f", field), 3.0, 1.0, 2.0 - field / 100.0, 1.0, 3.0, true));
            for (FactorInfo factor : factors) {
                turns.add(new CellTurn(
                        "field-" + field, name("f", field), factor.key(), factor.name(), "polarized", "consensus"));
                highlights.add(new Highlight(
                        "field-" + field,
                        name("f", field),
                        factor.key(),
                        factor.name(),
                        "polarized",
                        12_345,
                        0.5,
                        0.5,
                        new Measure(0.1, 0.05, 0.15),
                        new Measure(-0.9, -1.0, -0.8)));
            }
        }
        PollReport report = new PollReport(
                new PollInfo(id, "t".repeat(120), "open", 12_345, 12_000, 1, 5),
                factors,
                List.of(),
                ranking,
                List.of(),
                highlights,
                new ReferenceComparison(0.5, 0.2, 0.7, reference),
                new Agreement(0.4, new Measure(0.9, 0.8, 0.95)),
                new Method(1.0, 2.0, 1000, "00", 12_345),
                3,
                10,
                LARGEST_GROUPS);
        return new PollSummary(
                report,
                moves,
                moves.subList(0, 3),
                turns,
                new Participation(12_345, 12_345, 12_000),
                new Chart("poll-" + id + "-" + PERIOD + ".png", new byte[] {1, 2, 3}),
                new Chart("poll-" + id + "-" + PERIOD + "-groups.png", new byte[] {4, 5, 6}),
                Map.of(),
                List.of(),
                Optional.empty());
    }

    private static PollSummary withoutVotes(long id) {
        PollReport report = new PollReport(
                new PollInfo(id, "t".repeat(120), "open", 0, 0, 1, 5),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                new Agreement(null, new Measure(null, null, null)),
                new Method(null, null, 1000, "00", 0),
                3,
                10,
                PollReport.Groups.tooFewBallots(0, 30));
        return new PollSummary(
                report,
                List.of(),
                List.of(),
                List.of(),
                new Participation(0, 0, 0),
                new Chart("poll-" + id + "-" + PERIOD + ".png", new byte[0]),
                new Chart("poll-" + id + "-" + PERIOD + "-groups.png", new byte[0]),
                Map.of(),
                List.of(),
                Optional.empty());
    }

    private static ChannelSummary channel(List<PollSummary> polls) {
        return new ChannelSummary(
                new Workspace(Platform.DISCORD, "1"),
                "2",
                PERIOD,
                Instant.parse("2026-11-27T17:00:00Z"),
                Optional.of("Posted late: fieldpoll was offline at the scheduled time (Friday 17:00 GMT)."),
                polls);
    }

    @Test
    void the_largest_polls_summary_fits_one_embed() {
        MessageEmbed embed = new SummaryEmbedRenderer().render(largest(1), PERIOD, true);

        assertThat(embed.getLength()).isLessThanOrEqualTo(DiscordText.EMBEDS_TOTAL_MAX);
        assertThat(embed.getDescription())
                .hasSizeLessThanOrEqualTo(DiscordText.EMBED_DESCRIPTION_MAX)
                .contains("more");
        assertThat(embed.getFields())
                .hasSizeLessThanOrEqualTo(25)
                .allSatisfy(field ->
                        assertThat(field.getValue()).hasSizeLessThanOrEqualTo(DiscordText.EMBED_FIELD_VALUE_MAX));
        assertThat(embed.getImage().getUrl()).isEqualTo("attachment://poll-1-2026-11-27.png");
        System.out.println("LENGTH " + embed.getLength() + " fields "
                + embed.getFields().stream()
                        .map(f -> f.getName() + ":" + f.getValue().length())
                        .toList());
    }

    @Test
    void many_large_polls_spread_over_messages_each_within_discords_limits() {
        List<PollSummary> polls = new ArrayList<>();
        for (long id = 1; id <= 12; id++) {
            polls.add(largest(id));
        }

        List<MessageCreateData> messages = new SummaryMessages().render(channel(polls), true);

        // each poll: its embed and its group map's, its chart and its group chart
        assertThat(messages).allSatisfy(SummaryLimitsTest::withinLimits);
        assertThat(messages.stream()
                        .mapToInt(message -> message.getEmbeds().size())
                        .sum())
                .isEqualTo(24);
        assertThat(messages.stream()
                        .mapToInt(message -> message.getFiles().size())
                        .sum())
                .isEqualTo(24);
        assertThat(messages.get(0).getContent()).contains("Posted late");
        assertThat(messages.get(1).getContent()).endsWith("(continued)").doesNotContain("Posted late");
    }

    @Test
    void a_later_rounds_changes_fit_beside_the_largest_polls_in_a_summary_and_a_results_post() {
        // given three of the largest polls, each a round 2 with the longest round report
        List<PollSummary> polls = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            polls.add(ReportFixtures.withRounds(largest(id), ReportFixtures.largestRounds()));
        }

        // when their summary and the first one's results post are drawn
        List<MessageCreateData> messages = new SummaryMessages().render(channel(polls), true);
        MessageCreateData post = new DiscordResultsPublisher(null)
                .render(
                        new ResultsPost(
                                closedPoll(), polls.get(0), Optional.of("Posted late: offline."), Optional.empty()),
                        true);

        // then every message is within Discord's limits, each poll's round embed right after its own,
        // saying who moved, its field list cut with a note rather than past the limit
        assertThat(messages).hasSize(3).allSatisfy(SummaryLimitsTest::withinLimits);
        withinLimits(post);
        for (MessageCreateData message : java.util.stream.Stream.concat(
                        messages.stream(), java.util.stream.Stream.of(post))
                .toList()) {
            assertThat(message.getEmbeds()).hasSize(3);
            MessageEmbed round = message.getEmbeds().get(1);
            assertThat(round.getTitle()).isEqualTo("🔁 Round 2 (after #12344)");
            assertThat(round.getDescription())
                    .startsWith("12000 voters answered both round 1 and round 2.")
                    .contains("Disagreement narrowed since round 1")
                    .containsPattern("…and \\d+ more$");
        }
    }

    private static dev.fieldpoll.poll.Poll closedPoll() {
        Instant start = Instant.parse("2026-11-20T17:00:00Z");
        return new dev.fieldpoll.poll.Poll(
                1,
                new Workspace(Platform.DISCORD, "1"),
                "2",
                "t".repeat(dev.fieldpoll.poll.Poll.MAX_TITLE_LENGTH),
                null,
                ReportFixtures.DEFINITION,
                dev.fieldpoll.poll.ResultsVisibility.AFTER_VOTE,
                "3",
                start,
                start.plusSeconds(3600),
                start.plusSeconds(3600),
                null,
                true);
    }

    @Test
    void many_polls_without_votes_get_their_vote_buttons_in_rows_of_five() {
        List<PollSummary> polls = new ArrayList<>();
        for (long id = 1; id <= 12; id++) {
            polls.add(withoutVotes(id));
        }

        List<MessageCreateData> messages = new SummaryMessages().render(channel(polls), true);

        assertThat(messages).hasSize(2).allSatisfy(SummaryLimitsTest::withinLimits);
        assertThat(messages.get(0).getComponents()).hasSize(2);
        assertThat(messages.get(1).getComponents()).hasSize(1);
        assertThat(messages.get(0).getFiles()).as("no chart without results").isEmpty();
    }

    @Test
    void without_charts_no_file_is_attached_and_no_image_shown() {
        List<MessageCreateData> messages = new SummaryMessages().render(channel(List.of(largest(1))), false);

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.getFiles()).isEmpty();
            assertThat(message.getEmbeds().get(0).getImage()).isNull();
        });
    }

    @Test
    void a_channel_without_polls_gets_one_short_message() {
        List<MessageCreateData> messages = new SummaryMessages().render(channel(List.of()), true);

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.getContent()).endsWith("No open polls in this channel. Start one with `/poll create`.");
            assertThat(message.getEmbeds()).isEmpty();
        });
    }

    private static void withinLimits(MessageCreateData message) {
        assertThat(message.getEmbeds()).hasSizeLessThanOrEqualTo(SummaryMessages.EMBEDS_PER_MESSAGE);
        assertThat(message.getEmbeds().stream()
                        .mapToInt(MessageEmbed::getLength)
                        .sum())
                .isLessThanOrEqualTo(DiscordText.EMBEDS_TOTAL_MAX);
        assertThat(message.getFiles()).hasSizeLessThanOrEqualTo(10);
        assertThat(message.getComponents()).hasSizeLessThanOrEqualTo(5);
        assertThat(message.getContent()).hasSizeLessThanOrEqualTo(DiscordText.CONTENT_MAX);
    }
}
