package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CREATED;
import static dev.fieldpoll.store.TestPolls.MECH_FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.PageSharing;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The results pages' store on both databases. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SqlResultsPageStoreTest {

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    private DatabaseTarget target;
    private Database database;
    private SqlResultsPageStore pages;

    @BeforeEach
    void open() {
        target = kind.create(dir);
        database = Database.open(target, DatabaseSettings.defaults());
        pages = new SqlResultsPageStore(database);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void every_database_gets_its_own_random_link_secret_that_stays() {
        byte[] secret = pages.linkSecret();

        try (Database other = Database.open(kind.create(dir.resolve("other")), DatabaseSettings.defaults())) {
            assertThat(new SqlResultsPageStore(other).linkSecret()).hasSize(32).isNotEqualTo(secret);
        }
        database.close();
        database = Database.open(target, DatabaseSettings.defaults());
        assertThat(new SqlResultsPageStore(database).linkSecret()).hasSize(32).isEqualTo(secret);
    }

    @Test
    void a_page_is_private_until_shared_and_each_new_sharing_is_a_new_generation() {
        long poll = Commits.create(new SqlPollStore(database, Clock.systemUTC()), TestPolls.newPoll())
                .id();

        assertThat(pages.sharing(poll)).isEqualTo(PageSharing.PRIVATE);
        assertThat(pages.share(poll, true, "admin", CREATED)).isEqualTo(new PageSharing(true, 1));
        // sharing a public page again keeps its link
        assertThat(pages.share(poll, true, "admin", CREATED)).isEqualTo(new PageSharing(true, 1));
        assertThat(pages.share(poll, false, "admin", CREATED)).isEqualTo(new PageSharing(false, 1));
        assertThat(pages.share(poll, false, "admin", CREATED)).isEqualTo(new PageSharing(false, 1));
        assertThat(pages.share(poll, true, "other-admin", CREATED)).isEqualTo(new PageSharing(true, 2));
        assertThat(pages.sharing(poll)).isEqualTo(new PageSharing(true, 2));
    }

    @Test
    void the_data_version_of_a_poll_moves_with_each_committed_change_of_it_alone() {
        SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
        long poll = Commits.create(store, TestPolls.newPoll()).id();
        long other = Commits.create(store, TestPolls.newPoll()).id();
        long start = store.dataVersion(poll);

        Commits.save(store, poll, "alice", Map.of(MECH_FEEDBACK, Answer.score(4)), CREATED);
        long afterVote = store.dataVersion(poll);
        Commits.clear(store, poll, "alice", java.util.List.of(MECH_FEEDBACK));
        long afterClear = store.dataVersion(poll);
        Commits.close(store, poll, CREATED);

        assertThat(afterVote).isGreaterThan(start);
        assertThat(afterClear).isGreaterThan(afterVote);
        assertThat(store.dataVersion(poll)).isGreaterThan(afterClear);
        assertThat(store.dataVersion(other)).isZero();
    }
}
