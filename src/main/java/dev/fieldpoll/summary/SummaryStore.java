package dev.fieldpoll.summary;

import dev.fieldpoll.poll.PollChange;
import dev.fieldpoll.poll.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where schedules, run claims, snapshots and summary parts delivered live. Every write is committed before returning. */
public interface SummaryStore {

    /** Sets the channel's schedule, replacing any earlier one. */
    void saveSchedule(Schedule schedule, String createdBy);

    Optional<Schedule> schedule(Workspace workspace, String channelId);

    /** Removes the channel's schedule; false when there was none. */
    boolean deleteSchedule(Workspace workspace, String channelId);

    List<Schedule> schedules();

    /**
     * Claims one run of a channel for this process: true if nobody claimed it yet, or an earlier
     * claim was never posted and is older than {@code lease}. Atomic across processes.
     */
    boolean claimRun(Schedule schedule, LocalDate period, Instant now, Duration lease);

    void markPosted(Schedule schedule, LocalDate period, Instant postedAt);

    void saveSnapshot(Snapshot snapshot);

    /** The newest snapshot of a poll taken before {@code before}. */
    Optional<Snapshot> latestSnapshot(long pollId, Instant before);

    /** Edits of the poll after {@code after} ("Field X added"), oldest first: what a summary notes. */
    List<PollChange> changesSince(long pollId, Instant after);

    /** The parts of the summary post delivered at or after {@code since}. */
    Set<String> deliveredParts(SummaryKey key, Instant since);

    /** Records one part of the summary post as delivered. */
    void partDelivered(SummaryKey key, String part, Instant at);

    /**
     * Forgets the parts of a summary post once it is complete, and every part delivered before
     * {@code staleBefore} (of posts that never completed).
     */
    void forgetParts(SummaryKey key, Instant staleBefore);
}
