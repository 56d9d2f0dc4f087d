package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Workspace;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One summary post for a channel: every open (or just closed) poll of the channel. A post made
 * after fieldpoll missed the scheduled time says so in {@code lateNote}.
 */
public record ChannelSummary(
        Workspace workspace,
        String channelId,
        LocalDate period,
        Instant createdAt,
        Optional<String> lateNote,
        List<PollSummary> polls) {

    public ChannelSummary {
        polls = List.copyOf(polls);
    }
}
