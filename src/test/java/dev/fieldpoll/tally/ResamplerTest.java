package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void drawsVotersUniformlyWithinBounds() {
        // given
        SplittableRandom random = new SplittableRandom(1);
        int[] times = new int[3];

        // when
        for (int draw = 0; draw < 30_000; draw++) {
            times[Resampler.uniformBelow(random, 3)]++;
        }

        // then each voter gets about a third (sd ≈ 82 draws)
        for (int count : times) {
            assertThat((double) count).isCloseTo(10_000, within(400.0));
        }
    }

    @Test
    void aSingleVoterIsAlwaysDrawn() {
        SplittableRandom random = new SplittableRandom(2);
        for (int draw = 0; draw < 100; draw++) {
            assertThat(Resampler.uniformBelow(random, 1)).isZero();
        }
    }
}
