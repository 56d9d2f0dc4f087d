package dev.fieldpoll.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.testing.ReportFixtures;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** Opinion groups as Discord shows them: in results, in the weekly summary (with the map), and to one member. */
class GroupMessagesTest {

    private static final PollReport CAMPS = ReportFixtures.report(ReportFixtures.twoCamps());

    @Test
    void results_name_the_common_ground_then_each_group() throws IOException {
        List<MessageEmbed> embeds = new ResultsRenderer().render(CAMPS);

        ArrayNode sent = FakeDiscord.JSON.createArrayNode();
        for (MessageEmbed embed : embeds) {
            sent.add(FakeDiscord.JSON.readTree(embed.toData().toString()));
        }
        Golden.assertMatches("results-groups", sent);
        MessageEmbed.Field groups = embeds.get(0).getFields().stream()
                .filter(field -> field.getName().equals("Opinion groups"))
                .findFirst()
                .orElseThrow();
        assertThat(groups.getValue())
                .startsWith("2 opinion groups among the 40 voters")
                .contains("Common ground: every group ranks Mech Interp in its upper half");
        assertThat(groups.getValue().indexOf("Common ground"))
                .isLessThan(groups.getValue().indexOf("Group A"));
    }

    @Test
    void the_weekly_summary_names_the_groups_and_attaches_their_map() throws IOException {
        ChannelSummary summary = new ChannelSummary(
                new Workspace(Platform.DISCORD, "1"),
                "2",
                LocalDate.of(2026, 11, 27),
                Instant.parse("2026-11-27T17:00:00Z"),
                Optional.empty(),
                List.of(ReportFixtures.summaryOf(CAMPS)));

        List<MessageCreateData> messages = new SummaryMessages().render(summary, true);

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.getEmbeds()).hasSize(2);
            assertThat(message.getEmbeds().get(1).getImage().getUrl()).isEqualTo("attachment://poll-7-groups.png");
            assertThat(message.getFiles())
                    .extracting(file -> file.getName())
                    .containsExactly("poll-7.png", "poll-7-groups.png");
        });
        JsonNode sent = FakeDiscord.JSON.readTree(messages.get(0).toData().toString());
        Golden.assertMatches("summary-groups", sent);
    }

    @Test
    void a_member_is_told_the_group_their_own_ballot_is_closest_to() throws IOException {
        Poll poll = new Poll(
                7,
                new Workspace(Platform.DISCORD, "1"),
                "2",
                "Which fields get automated first?",
                null,
                ReportFixtures.DEFINITION,
                ResultsVisibility.LIVE,
                "3",
                Instant.parse("2026-11-20T10:00:00Z"),
                null,
                null);
        Ballot ballot = new Ballot(7, "4", ReportFixtures.twoCamps().get("camp-b-0"));
        String note = GroupSentences.closest("B", 2);

        JsonNode sent = FakeDiscord.JSON.readTree(new ReplyRenderer()
                .render(new BotReply.MyBallot(poll, ballot, Optional.of(note)))
                .toData()
                .toString());

        Golden.assertMatches("my-votes-group", sent);
        assertThat(sent.toString()).contains("Your ballot is closest to group B");
    }
}
