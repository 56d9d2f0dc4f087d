package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CREATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The claims and parts of closed polls' results posts (migration V10) on both databases. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SqlResultsPostStoreTest {

    private static final Duration LEASE = Duration.ofMinutes(15);

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    private Database database;
    private SqlPollStore polls;
    private SqlResultsPostStore posts;

    @BeforeEach
    void open() {
        database = Database.open(kind.create(dir), DatabaseSettings.defaults());
        polls = new SqlPollStore(database, Clock.systemUTC());
        posts = new SqlResultsPostStore(database);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** A poll closed by command whose closing the refresher handled. */
    private long closedAndHandled(Instant at) {
        long poll = Commits.create(polls, TestPolls.newPoll()).id();
        polls.close(poll, at).toCompletableFuture().join();
        assertThat(polls.claimClosing(poll, at, LEASE)).isTrue();
        polls.closingHandled(poll, at);
        return poll;
    }

    @Test
    void a_post_is_claimed_once_until_its_lease_lapses_and_never_after_it_is_posted() {
        Instant now = CREATED.plus(Duration.ofHours(1));
        long poll = closedAndHandled(now);
        assertThat(posts.owed(now, LEASE)).containsExactly(poll);

        assertThat(posts.claim(poll, now, LEASE)).isTrue();
        assertThat(posts.claim(poll, now.plusSeconds(60), LEASE))
                .as("a second process")
                .isFalse();
        assertThat(posts.owed(now.plusSeconds(60), LEASE)).isEmpty();
        // the claimant died: after the lease the post is owed again and can be taken over
        Instant later = now.plus(LEASE).plusSeconds(1);
        assertThat(posts.owed(later, LEASE)).containsExactly(poll);
        assertThat(posts.claim(poll, later, LEASE)).isTrue();

        posts.markPosted(poll, later, Optional.of("https://discord.com/channels/1/2/3"));

        assertThat(posts.claim(poll, later.plus(Duration.ofDays(1)), LEASE)).isFalse();
        assertThat(posts.owed(later.plus(Duration.ofDays(1)), LEASE)).isEmpty();
        assertThat(posts.link(poll)).contains("https://discord.com/channels/1/2/3");
    }

    @Test
    void delivered_parts_are_kept_until_forgotten() {
        long poll = closedAndHandled(CREATED.plus(Duration.ofHours(1)));

        posts.partDelivered(poll, "message", CREATED);
        posts.partDelivered(poll, "message", CREATED);
        posts.partDelivered(poll, "chart poll-1.png", CREATED);

        assertThat(posts.deliveredParts(poll)).containsExactlyInAnyOrder("message", "chart poll-1.png");
        posts.forgetParts(poll);
        assertThat(posts.deliveredParts(poll)).isEmpty();
        assertThat(posts.link(poll)).isEmpty();
    }
}
