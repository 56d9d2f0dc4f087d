package dev.fieldpoll.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the results posts of closed polls are claimed and recorded (migration V10): one post per
 * poll, claimed with a lease like a weekly summary's run, and the parts already delivered, so a
 * retry or a restart posts only what is missing. Every write is committed before returning.
 */
public interface ResultsPostStore {

    /**
     * Claims the poll's results post for this process: true if nobody claimed it yet, or an earlier
     * claim was never posted and is older than {@code lease}. Atomic across processes.
     */
    boolean claim(long pollId, Instant now, Duration lease);

    /** The post is complete (or none is owed); {@code link} opens it, when the platform gave one. */
    void markPosted(long pollId, Instant postedAt, Optional<String> link);

    /** Where the poll's results post can be opened, once it is posted with a link. */
    Optional<String> link(long pollId);

    /**
     * Polls whose closing was handled but whose results post is not posted, and not claimed within
     * {@code lease}: a post that failed, or a process that died before posting.
     */
    List<Long> owed(Instant now, Duration lease);

    Set<String> deliveredParts(long pollId);

    void partDelivered(long pollId, String part, Instant at);

    void forgetParts(long pollId);
}
