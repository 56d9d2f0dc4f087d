package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by the build before rounds (main at 25cfa10, migrations up to V16 without V13:
 * src/test/resources/fixtures/written-before-rounds.db, made by that jar's console chat) upgrades in
 * place: V13 is applied out of order, every poll and vote is still there, and its closed poll can be rerun.
 */
class UpgradeToRoundsTest {

    @TempDir
    Path folder;

    @Test
    void an_old_database_upgrades_in_place_with_its_polls_and_votes_and_its_polls_can_be_rerun() throws Exception {
        Files.copy(Path.of("src/test/resources/fixtures/written-before-rounds.db"), folder.resolve("fieldpoll.db"));
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            var store = wiring.store();
            // the polls and votes the old build wrote
            assertThat(store.findById(1).orElseThrow().title()).isEqualTo("Roadmap");
            assertThat(store.findById(1).orElseThrow().closedAt()).isNotNull();
            assertThat(store.voterCount(1)).isEqualTo(3);
            assertThat(store.ballot(1, "alice").answers())
                    .containsEntry(new CellKey("docs", "impact"), Answer.score(4))
                    .containsEntry(new CellKey("speed", "impact"), Answer.score(2));
            assertThat(store.ballot(1, "you").answers()).containsEntry(new CellKey("docs", "impact"), Answer.score(5));
            assertThat(store.findById(2).orElseThrow().title()).isEqualTo("Lunch spots");
            assertThat(store.voterCount(2)).isEqualTo(1);

            // and the closed poll gets its next round
            BotReply rerun = wiring.bot()
                    .handle(
                            new Caller(Platform.CONSOLE, "local", "local", "you", true),
                            new BotCommand.Rerun(new PollRef.ById(1), Optional.empty()))
                    .toCompletableFuture()
                    .join();
            assertThat(rerun).isInstanceOf(BotReply.PollPosted.class);
            assertThat(((BotReply.PollPosted) rerun).poll().title()).isEqualTo("Roadmap (round 2)");
            assertThat(store.voterCount(1)).isEqualTo(3);
        }
    }
}
