package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.Mrkdwn.escape;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.summary.ClosingReminder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The closing-soon reminder: one message in the poll's channel saying when it closes and how many
 * have voted, with a Vote button that the poll message's button handler answers with the ballot.
 */
final class SlackReminderRenderer {

    private final ZoneId zone;

    SlackReminderRenderer(ZoneId zone) {
        this.zone = zone;
    }

    SlackMessage render(ClosingReminder reminder, Instant now) {
        Poll poll = reminder.poll();
        String closesIn = poll.closesAtTime()
                .map(at -> "closes in " + roughly(Duration.between(now, at)))
                .orElse("closes soon");
        String exactly = poll.closesAtTime()
                .map(at -> " (" + SlackDate.token(at, zone) + ")")
                .orElse("");
        String voted = voted(reminder.voters()) + reminder.completeClause();
        List<LayoutBlock> blocks = List.of(
                Mrkdwn.section(":hourglass_flowing_sand: *" + escape(poll.title()) + "* (poll #" + poll.id() + ") "
                        + closesIn + exactly + "; " + voted + ". Add your view before it closes."),
                ActionsBlock.builder()
                        .elements(List.<BlockElement>of(SlackPollSummaryRenderer.voteButton(poll.id())))
                        .build());
        return new SlackMessage(
                "Poll #" + poll.id() + " " + escape(poll.title()) + " " + closesIn + "; " + voted + ".", blocks);
    }

    private static String voted(int voters) {
        if (voters == 0) {
            return "nobody has voted yet";
        }
        return voters == 1 ? "1 member has voted" : voters + " members have voted";
    }

    /** "about a day", "about 5 hours": the reminder's lead is configurable, so say what is left. */
    static String roughly(Duration left) {
        long minutes = Math.max(0, left.toMinutes());
        if (minutes < 45) {
            return "less than an hour";
        }
        long hours = Math.round(minutes / 60.0);
        if (hours <= 1) {
            return "about an hour";
        }
        if (hours < 18) {
            return "about " + hours + " hours";
        }
        if (hours <= 36) {
            return "about a day";
        }
        return "about " + Math.round(hours / 24.0) + " days";
    }
}
