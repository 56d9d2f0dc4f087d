package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollRefresherTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void a_burst_becomes_one_refresh_per_poll_that_sees_the_last_vote() throws Exception {
        // given a "poll state" that votes change, and a refresher that records what it saw
        AtomicInteger votes = new AtomicInteger();
        List<String> refreshed = new CopyOnWriteArrayList<>();
        PollRefresher refresher = new PollRefresher(
                executor, Duration.ofMillis(100), pollId -> refreshed.add(pollId + ":" + votes.get()));

        // when 50 votes arrive on poll 1 and one on poll 2, all at once
        for (int i = 0; i < 50; i++) {
            votes.incrementAndGet();
            refresher.request(1);
        }
        refresher.request(2);
        executor.schedule(() -> {}, 300, TimeUnit.MILLISECONDS).get();

        // then each poll was refreshed once, showing every vote
        assertThat(refreshed).containsExactlyInAnyOrder("1:50", "2:50");
    }

    @Test
    void a_request_after_a_refresh_schedules_another_and_a_failure_does_not_stop_it() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        PollRefresher refresher = new PollRefresher(executor, Duration.ofMillis(20), pollId -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("platform said no");
            }
        });

        refresher.request(1);
        executor.schedule(() -> {}, 100, TimeUnit.MILLISECONDS).get();
        refresher.request(1);
        executor.schedule(() -> {}, 100, TimeUnit.MILLISECONDS).get();

        assertThat(calls.get()).isEqualTo(2);
    }
}
