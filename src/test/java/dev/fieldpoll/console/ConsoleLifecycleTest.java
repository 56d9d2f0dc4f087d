package dev.fieldpoll.console;

import static dev.fieldpoll.testing.ConsoleTranscript.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /poll edit, reopen, delete, forget, export and remind typed in the console chat, end to end. */
class ConsoleLifecycleTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void every_lifecycle_command_works_as_typed() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            String said = chat(
                    wiring,
                    "/poll create Plans fields:\"Alpha; Beta\" factors:\"Impact\" closes:3d",
                    ":as alice",
                    "/poll vote alpha impact=4",
                    "/poll vote beta impact=2",
                    "/poll edit add:\"Gamma\"",
                    ":as you",
                    "/poll edit add:\"Gamma\" rename:\"Beta => Bet\"",
                    "/poll remind",
                    "/poll export #1",
                    "/poll close",
                    "/poll reopen #1 closes:2d",
                    ":as alice",
                    "/poll forget #1",
                    "/poll forget #1 confirm",
                    ":as you",
                    "/poll delete #1",
                    "/poll delete #1 confirm",
                    "/poll list");

            assertThat(said)
                    .contains("Only the member who started \"Plans\" or an admin can edit it.")
                    .contains("Poll #1: Field Beta renamed to Bet; Field Gamma added.")
                    .contains("Closing soon: poll #1 \"Plans\"")
                    .contains("1 member has voted, not yet on every field and factor")
                    .contains(
                            "Posted the closing reminder of poll #1: 1 member has voted, 0 on every field and factor.")
                    .contains("--- poll-1-votes.csv ---")
                    .contains("voter,field,factor,score")
                    .contains("\"Plans\" is open again.")
                    .contains("To go ahead, type: /poll forget #1 confirm")
                    .contains("Your answers are deleted from 1 poll.")
                    .contains("To go ahead, type: /poll delete #1 confirm")
                    .contains("Poll #1 \"Plans\" and every answer in it are deleted.");
            assertThat(wiring.store().findById(1)).isEmpty();
        }
    }
}
