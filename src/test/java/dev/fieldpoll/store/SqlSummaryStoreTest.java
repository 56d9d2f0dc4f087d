package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CREATED;
import static dev.fieldpoll.store.TestPolls.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.summary.SummaryKey;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The summary store's resume record (delivered parts) on both databases: a SQLite file and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SqlSummaryStoreTest {

    private static final LocalDate PERIOD = LocalDate.parse("2026-11-20");
    private static final SummaryKey WEEKLY = new SummaryKey(GUILD, "channel-1", PERIOD, true);

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    private Database database;
    private SqlSummaryStore store;

    @BeforeEach
    void openStore() {
        database = Database.open(kind.create(dir), DatabaseSettings.defaults());
        store = new SqlSummaryStore(database);
    }

    @AfterEach
    void closeStore() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void deliveredPartsAreKeptPerSummaryKeyAndIgnoredOnceStale() {
        // given two parts of the weekly summary, delivered a day apart
        store.partDelivered(WEEKLY, "message 1", CREATED);
        store.partDelivered(WEEKLY, "chart poll-7.png", CREATED.plus(Duration.ofDays(1)));
        store.partDelivered(WEEKLY, "message 1", CREATED.plusSeconds(5)); // delivered again: still one part

        // when / then: the same key (a rebuilt summary) sees both; another kind, period or channel none
        assertThat(store.deliveredParts(WEEKLY, CREATED)).containsExactlyInAnyOrder("message 1", "chart poll-7.png");
        assertThat(store.deliveredParts(new SummaryKey(GUILD, "channel-1", PERIOD, false), CREATED))
                .isEmpty();
        assertThat(store.deliveredParts(new SummaryKey(GUILD, "channel-1", PERIOD.plusDays(7), true), CREATED))
                .isEmpty();
        assertThat(store.deliveredParts(new SummaryKey(GUILD, "channel-2", PERIOD, true), CREATED))
                .isEmpty();
        // parts older than the window asked for are ignored
        assertThat(store.deliveredParts(WEEKLY, CREATED.plus(Duration.ofHours(1))))
                .containsExactly("chart poll-7.png");
    }

    @Test
    void forgettingASummaryDropsItsPartsAndEveryStalePartOfOthers() {
        // given
        SummaryKey now = new SummaryKey(GUILD, "channel-1", PERIOD, false);
        SummaryKey abandoned = new SummaryKey(GUILD, "channel-9", PERIOD.minusDays(7), true);
        SummaryKey recent = new SummaryKey(GUILD, "channel-3", PERIOD, true);
        Instant at = CREATED.plus(Duration.ofDays(3));
        store.partDelivered(WEEKLY, "message 1", at);
        store.partDelivered(now, "message 1", at);
        store.partDelivered(abandoned, "message 1", CREATED);
        store.partDelivered(recent, "message 1", at);

        // when
        store.forgetParts(WEEKLY, at.minus(Duration.ofDays(1)));

        // then
        assertThat(store.deliveredParts(WEEKLY, CREATED)).isEmpty();
        assertThat(store.deliveredParts(abandoned, CREATED)).isEmpty();
        assertThat(store.deliveredParts(now, CREATED)).containsExactly("message 1");
        assertThat(store.deliveredParts(recent, CREATED)).containsExactly("message 1");
    }
}
