package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.Mrkdwn.escape;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.AppHome;
import dev.fieldpoll.poll.Outcomes.HomePoll;
import dev.fieldpoll.poll.Poll;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The App Home tab: the open polls the member can reach (channel, title, close, whether they have
 * voted, a Vote button) and, for admins, the workspace's summary schedules. The Vote button's id
 * names the poll's channel ({@code fp1:vote:<poll>@<channel>}), since a press on a Home tab names
 * none; the server checks the poll is in that channel again. Kept within Slack's 100 blocks.
 */
final class SlackHomeRenderer {

    /** Blocks per poll (a section and its button); the rest of the 100 is headers and schedules. */
    private static final int POLLS_MAX = 30;

    private static final int SCHEDULES_MAX = 20;

    private final ZoneId zone;

    SlackHomeRenderer(ZoneId zone) {
        this.zone = zone;
    }

    View render(AppHome home) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header("Open polls"));
        if (home.polls().isEmpty()) {
            blocks.add(Mrkdwn.section(
                    "No poll is open in your channels right now. Start one with `/poll create` " + "in a channel."));
        }
        for (HomePoll entry :
                home.polls().subList(0, Math.min(POLLS_MAX, home.polls().size()))) {
            blocks.add(Mrkdwn.section(line(entry)));
            blocks.add(ActionsBlock.builder()
                    .blockId("home-poll-" + entry.poll().id())
                    .elements(List.of(ButtonElement.builder()
                            .text(Mrkdwn.plain(entry.voted() ? "Change my vote" : "Vote", BlockLimits.BUTTON_TEXT))
                            .actionId(ActionIds.encode(
                                    ActionId.of(
                                            ActionId.Action.VOTE, entry.poll().id()),
                                    entry.poll().channelId()))
                            .style(entry.voted() ? null : "primary")
                            .build()))
                    .build());
        }
        if (home.polls().size() > POLLS_MAX) {
            blocks.add(Mrkdwn.section(
                    "…and " + (home.polls().size() - POLLS_MAX) + " more: `/poll list` in a channel shows its polls."));
        }
        if (!home.schedules().isEmpty()) {
            blocks.add(header("Weekly summaries (admins)"));
            List<String> lines = home.schedules().stream()
                    .limit(SCHEDULES_MAX)
                    .map(schedule -> "<#" + schedule.channelId() + ">: " + escape(schedule.description()))
                    .toList();
            blocks.add(Mrkdwn.section(String.join("\n", lines)));
        }
        return View.builder().type("home").blocks(blocks).build();
    }

    private String line(HomePoll entry) {
        Poll poll = entry.poll();
        return "*" + escape(poll.title()) + "* (poll #" + poll.id() + ") in <#" + poll.channelId() + ">\n"
                + SlackPollMessageRenderer.closesText(poll, zone) + " · "
                + (entry.voted() ? ":white_check_mark: you have voted" : "you have not voted yet");
    }

    private static HeaderBlock header(String text) {
        return HeaderBlock.builder()
                .text(Mrkdwn.plain(text, BlockLimits.HEADER_TEXT))
                .build();
    }
}
