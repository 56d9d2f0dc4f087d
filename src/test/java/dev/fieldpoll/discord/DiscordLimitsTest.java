package dev.fieldpoll.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.testing.ReportFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

/** The biggest polls members can make, with the longest texts, still fit Discord's limits. */
class DiscordLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static String text(char letter, int length) {
        return String.valueOf(letter).repeat(length);
    }

    /** 25 fields and 5 factors (the most a poll may have), every name and text as long as allowed or longer. */
    private static Poll largestPoll() {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < PollDefinition.MAX_FIELDS; i++) {
            fields.add(new Field("field-" + i, ("*" + i + "_" + text('f', 80)).substring(0, 80), text('d', 900)));
        }
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < PollDefinition.MAX_FACTORS; i++) {
            factors.add(new Factor(
                    "factor-" + i,
                    (i + text('g', 80)).substring(0, 80),
                    text('q', 1500),
                    text('l', 300),
                    text('h', 300),
                    1));
        }
        return poll(new PollDefinition(Scale.ONE_TO_FIVE, fields, factors, Map.of()));
    }

    private static Poll poll(PollDefinition definition) {
        return new Poll(
                999_999_999_999L,
                new Workspace(Platform.DISCORD, "1"),
                "2",
                text('t', Poll.MAX_TITLE_LENGTH),
                null,
                definition,
                ResultsVisibility.AFTER_VOTE,
                "3",
                NOW,
                NOW.plusSeconds(3600),
                null,
                "12345",
                true);
    }

    @Test
    void the_largest_poll_message_fits_one_embed() {
        Poll poll = largestPoll();

        MessageEmbed embed = new PollMessageRenderer(java.time.ZoneOffset.UTC).embed(poll, 12_345, NOW);
        new PollMessageRenderer(java.time.ZoneOffset.UTC).create(poll, 12_345, NOW);

        assertThat(embed.getLength()).isLessThanOrEqualTo(DiscordText.EMBEDS_TOTAL_MAX);
        assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(DiscordText.EMBED_DESCRIPTION_MAX);
        assertThat(embed.getFields())
                .hasSizeLessThanOrEqualTo(25)
                .allSatisfy(field ->
                        assertThat(field.getValue()).hasSizeLessThanOrEqualTo(DiscordText.EMBED_FIELD_VALUE_MAX));
    }

    @Test
    void a_ballot_of_five_factors_spreads_each_field_over_two_steps_within_five_rows() {
        Poll poll = largestPoll();
        BallotPages pages = new BallotPages(poll.definition());
        Set<CellKey> shown = new HashSet<>();

        assertThat(pages.count()).isEqualTo(50);
        for (int page = 0; page < pages.count(); page++) {
            MessageEditData message = new BallotRenderer()
                    .page(
                            poll,
                            new Ballot(poll.id(), "3", Map.of(new CellKey("field-0", "factor-4"), Answer.DONT_KNOW)),
                            page,
                            text('n', 3000));
            assertThat(message.getContent()).hasSizeLessThanOrEqualTo(DiscordText.CONTENT_MAX);
            assertThat(message.getComponents()).hasSizeLessThanOrEqualTo(5);
            List<String> ids = new ArrayList<>();
            for (var component : message.getComponents()) {
                ActionRow row = (ActionRow) component;
                row.getActionComponents().forEach(action -> ids.add(action.getCustomId()));
                if (row.getComponents().get(0) instanceof StringSelectMenu select) {
                    assertThat(row.getComponents()).hasSize(1);
                    assertThat(select.getOptions()).hasSize(6).allSatisfy(this::fitsAnOption);
                    assertThat(select.getPlaceholder()).hasSizeLessThanOrEqualTo(100);
                }
            }
            assertThat(ids)
                    .doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(100));
            shown.addAll(pages.cells(page));
        }
        assertThat(shown).containsExactlyInAnyOrderElementsOf(poll.definition().cells());
        assertThat(pages.position(1)).isEqualTo("Field 1 of 25");
    }

    private void fitsAnOption(SelectOption option) {
        assertThat(option.getLabel())
                .hasSizeLessThanOrEqualTo(100)
                .endsWith(option.getValue().equals("?") ? ": don't know" : ": " + option.getValue());
        if (option.getDescription() != null) {
            assertThat(option.getDescription()).hasSizeLessThanOrEqualTo(100);
        }
    }

    @Test
    void steps_hold_two_fields_of_two_factors_and_one_field_of_three() {
        List<Field> fields = List.of(new Field("a", "A", ""), new Field("b", "B", ""), new Field("c", "C", ""));
        PollDefinition two = new PollDefinition(
                Scale.ONE_TO_FIVE, fields, List.of(Factor.named("x", "X"), Factor.named("y", "Y")), Map.of());
        PollDefinition three = new PollDefinition(
                Scale.ONE_TO_FIVE,
                fields,
                List.of(Factor.named("x", "X"), Factor.named("y", "Y"), Factor.named("z", "Z")),
                Map.of());

        BallotPages twoFactors = new BallotPages(two);
        BallotPages threeFactors = new BallotPages(three);

        assertThat(twoFactors.count()).isEqualTo(2);
        assertThat(twoFactors.position(0)).isEqualTo("Fields 1–2 of 3");
        assertThat(twoFactors.position(1)).isEqualTo("Field 3 of 3");
        assertThat(twoFactors.pageOf(new CellKey("c", "y"))).isEqualTo(1);
        assertThat(threeFactors.count()).isEqualTo(3);
        assertThat(threeFactors.cells(2))
                .containsExactly(new CellKey("c", "x"), new CellKey("c", "y"), new CellKey("c", "z"));
    }

    @Test
    void results_of_the_largest_poll_fit_discords_embed_limits() {
        List<PollReport.RankingEntry> ranking = new ArrayList<>();
        List<PollReport.ReferenceField> reference = new ArrayList<>();
        List<PollReport.Highlight> highlights = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String name = "*" + i + text('f', 78);
            ranking.add(new PollReport.RankingEntry(
                    i + 1, "field-" + i, name, 3.14159, 3.0, 3.3, 1, 1, 25, true, 0.5, 0.5, List.of()));
            reference.add(new PollReport.ReferenceField("field-" + i, name, 3.5, 4.0, -0.5, -1.25, 0.25, true));
            highlights.add(new PollReport.Highlight(
                    "field-" + i,
                    name,
                    "factor",
                    text('g', 80),
                    "polarized",
                    12345,
                    0.5,
                    0.5,
                    new PollReport.Measure(0.12, 0.1, 0.14),
                    new PollReport.Measure(-0.9, -1.0, -0.8)));
        }
        PollReport report = new PollReport(
                new PollReport.PollInfo(1, text('t', 120), "open", 12345, 12000, 1, 5),
                List.of(),
                List.of(),
                ranking,
                List.of(),
                highlights,
                new PollReport.ReferenceComparison(0.5, 0.2, 0.7, reference),
                new PollReport.Agreement(0.7, new PollReport.Measure(0.9, 0.8, 0.95)),
                new PollReport.Method(1.0, 2.0, 1000, "00", 12345),
                3,
                10,
                ReportFixtures.largestGroups());

        List<MessageEmbed> embeds = new ResultsRenderer().render(report);

        assertThat(embeds).hasSizeLessThanOrEqualTo(10);
        assertThat(embeds.stream().mapToInt(MessageEmbed::getLength).sum())
                .isLessThanOrEqualTo(DiscordText.EMBEDS_TOTAL_MAX);
        assertThat(embeds.get(0).getDescription()).contains("…and").contains("more");
        assertThat(embeds.get(0).getFields())
                .extracting(MessageEmbed.Field::getName)
                .contains("Opinion groups");
        Messages.embeds(embeds);
    }

    @Test
    void member_text_cannot_restyle_or_ping() {
        Poll poll = poll(new PollDefinition(
                Scale.ONE_TO_FIVE,
                List.of(new Field("a", "**bold** @everyone", "")),
                List.of(Factor.named("x", "X")),
                Map.of()));

        MessageEmbed embed = new PollMessageRenderer(java.time.ZoneOffset.UTC).embed(poll, 0, NOW);

        assertThat(embed.getDescription()).contains("\\*\\*bold\\*\\* @everyone");
        assertThat(new PollMessageRenderer(java.time.ZoneOffset.UTC)
                        .create(poll, 0, NOW)
                        .getAllowedMentions())
                .isEmpty();
    }
}
