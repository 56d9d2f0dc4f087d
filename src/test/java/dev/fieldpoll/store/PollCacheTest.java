package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.NewPoll;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollCacheTest {

    private final MutableClock clock = new MutableClock(TestPolls.CREATED);
    private final PollCache cache = new PollCache(clock);
    private final Poll poll = poll(7);
    private final AtomicInteger reads = new AtomicInteger();

    private static Poll poll(long id) {
        NewPoll created = TestPolls.newPoll();
        return new Poll(
                id,
                created.workspace(),
                created.channelId(),
                created.title(),
                created.templateKey(),
                created.definition(),
                created.visibility(),
                created.createdBy(),
                created.createdAt(),
                created.closesAt(),
                null,
                null,
                true);
    }

    private Optional<Poll> read() {
        reads.incrementAndGet();
        return Optional.of(poll);
    }

    @Test
    void aPollIsReadOnceThenKeptUntilForgotten() {
        // given
        cache.get(7, this::read);

        // when
        cache.get(7, this::read);
        cache.forget(7);
        cache.get(7, this::read);

        // then
        assertThat(reads).hasValue(2);
    }

    @Test
    void aKeptPollIsReadAgainOnceItsMaximumAgePassed() {
        // given
        cache.get(7, this::read);

        // when
        clock.advance(PollCache.MAX_AGE.minus(Duration.ofMillis(1)));
        cache.get(7, this::read);
        clock.advance(Duration.ofMillis(1));
        cache.get(7, this::read);

        // then
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadDuringWhichThePollChangedIsNotKept() {
        // given a read that sees the row as it was while a writer changes it and forgets it
        Optional<Poll> stale = cache.get(7, () -> {
            cache.forget(7);
            return read();
        });

        // when
        cache.get(7, this::read);

        // then the stale read was handed to its caller only, and the next lookup read again
        assertThat(stale).contains(poll);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aPollThatDoesNotExistIsNotKept() {
        cache.get(8, () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        cache.get(8, () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });

        assertThat(reads).hasValue(2);
    }
}
