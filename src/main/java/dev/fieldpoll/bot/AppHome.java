package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Outcomes.HomePoll;
import java.util.List;
import java.util.Objects;

/**
 * What a member's home shows (Slack's App Home tab): the open polls of their workspace in the
 * channels they are in, newest first, each with whether they have voted; and for an admin the
 * summary schedules of the workspace (empty for everyone else).
 */
public record AppHome(List<HomePoll> polls, List<ScheduleLine> schedules) {

    /** One channel's weekly summary, described ("every Monday at 09:00 Europe/Paris. Next: …"). */
    public record ScheduleLine(String channelId, String description) {
        public ScheduleLine {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(description, "description");
        }
    }

    public AppHome {
        polls = List.copyOf(polls);
        schedules = List.copyOf(schedules);
    }
}
