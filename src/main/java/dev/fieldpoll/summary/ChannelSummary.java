package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Workspace;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One summary post for a channel: every open (or just closed) poll of the channel. A post made
 * after fieldpoll missed the scheduled time says so in {@code lateNote}; {@code weekly} is false
 * for one asked for now (/poll summary now, the summary command), which is no weekly summary.
 */
public record ChannelSummary(
        Workspace workspace,
        String channelId,
        LocalDate period,
        Instant createdAt,
        Optional<String> lateNote,
        List<PollSummary> polls,
        boolean weekly) {

    public ChannelSummary {
        polls = List.copyOf(polls);
    }

    /** The scheduled weekly summary. */
    public ChannelSummary(
            Workspace workspace,
            String channelId,
            LocalDate period,
            Instant createdAt,
            Optional<String> lateNote,
            List<PollSummary> polls) {
        this(workspace, channelId, period, createdAt, lateNote, polls, true);
    }

    /** The same summary, asked for now rather than posted on schedule. */
    public ChannelSummary onDemand() {
        return new ChannelSummary(workspace, channelId, period, createdAt, lateNote, polls, false);
    }

    /** Which post this is, for the record of its parts delivered. */
    public SummaryKey key() {
        return new SummaryKey(workspace, channelId, period, weekly);
    }

    /** What every platform titles it: "Weekly summary" on schedule, "Summary" when asked for. */
    public String heading() {
        return weekly ? "Weekly summary" : "Summary";
    }
}
