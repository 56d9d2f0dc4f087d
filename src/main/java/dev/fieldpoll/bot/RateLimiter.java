package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Platform;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per member: {@code burst} actions at once, refilled at {@code perMinute}. Generous
 * enough for clicking through a whole ballot, tight enough to stop a script hammering the bot.
 * Thread-safe: buckets live in a concurrent map, each bucket is updated under its own lock, and the
 * time of the next pruning is atomic.
 */
public final class RateLimiter {

    /** Buckets idle this long are full again and can be forgotten. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    /** How often idle buckets are looked for: a scan of every bucket, so by time, not per action. */
    private static final long PRUNE_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Clock clock;
    private final int burst;
    private final double tokensPerMilli;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextPrune;

    public RateLimiter(Clock clock, int perMinute, int burst) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
        this.clock = clock;
        this.burst = burst;
        this.tokensPerMilli = perMinute / 60_000.0;
        this.nextPrune = new AtomicLong(clock.millis() + PRUNE_EVERY_MILLIS);
    }

    public static RateLimiter unlimited(Clock clock) {
        return new RateLimiter(clock, Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2);
    }

    /** The bucket of one member of one workspace, wherever they act from (a chat, a results page). */
    public static String memberKey(Platform platform, String workspaceId, String userId) {
        return platform + ":" + workspaceId + ":" + userId;
    }

    /** Takes one token for the member; false when they must slow down. */
    public boolean tryAcquire(String memberKey) {
        long now = clock.millis();
        prune(now);
        Bucket bucket = buckets.computeIfAbsent(memberKey, key -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) * tokensPerMilli);
            bucket.updatedAt = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    private void prune(long now) {
        long due = nextPrune.get();
        // One thread prunes when it is due; the others go on at once.
        if (now < due || !nextPrune.compareAndSet(due, now + PRUNE_EVERY_MILLIS)) {
            return;
        }
        // A bucket that another thread just refilled is younger than FORGET_AFTER, so it stays.
        buckets.values().removeIf(bucket -> bucket.idleFor(now) > FORGET_AFTER.toMillis());
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }

        synchronized long idleFor(long now) {
            return now - updatedAt;
        }
    }
}
