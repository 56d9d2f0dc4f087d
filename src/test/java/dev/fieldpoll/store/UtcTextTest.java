package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written fixed form reads and writes exactly what java.time's formatter does. */
class UtcTextTest {

    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void agreesWithTheFormatterOnManyTimes() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 20_000; i++) {
            Instant time = Instant.ofEpochSecond(
                    random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000));

            String text = UtcText.format(time);

            assertThat(text).isEqualTo(FORMATTER.format(time));
            assertThat(UtcText.parse(text)).isEqualTo(time.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Test
    void keepsTheEdgesOfTheDayAndTheMillisecond() {
        Instant time = Instant.parse("2026-12-31T23:59:59.999999Z");

        assertThat(UtcText.format(time)).isEqualTo("2026-12-31T23:59:59.999Z");
        assertThat(UtcText.parse("2026-01-01T00:00:00.001Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00.001Z"));
        assertThat(UtcText.format(null)).isNull();
        assertThat(UtcText.parse(null)).isNull();
    }

    @Test
    void refusesWhatIsNotATime() {
        assertThatThrownBy(() -> UtcText.parse("2026-13-01T00:00:00.000Z")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> UtcText.parse("2026-11-27 10:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> UtcText.parse("2026-11-27T10:00:00.00xZ")).isInstanceOf(DateTimeParseException.class);
    }
}
