package dev.fieldpoll.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health check sees real Bolt's HTTP mode started against the fake Slack, and stopped. */
class SlackHealthTest {

    @TempDir
    Path folder;

    @Test
    void slack_counts_as_connected_from_its_start_to_its_close() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            assertThat(harness.wiring.operations().health().platforms()).containsEntry("slack", true);
            assertThat(harness.wiring.operations().health().ok()).isTrue();

            harness.app.close();

            assertThat(harness.wiring.operations().health().platforms()).containsEntry("slack", false);
            assertThat(harness.wiring.operations().health().ok()).isFalse();
        }
    }
}
