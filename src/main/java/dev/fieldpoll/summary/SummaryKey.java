package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Workspace;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Which summary post a delivered part belongs to, the same on every platform: the channel, the
 * period and whether it is the weekly one or one an admin asked for now. Never when it was built: a
 * summary rebuilt for a retry is the same post, and resumes after the parts already delivered.
 */
public record SummaryKey(Workspace workspace, String channelId, LocalDate period, boolean weekly) {

    public SummaryKey {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(period, "period");
    }
}
