package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParetoTiersTest {

    @Test
    void peelsLayersOfUnbeatenFields() {
        // given
        double[][] means = {
            {4.0, 1.5}, // 0: best on factor 0
            {1.5, 4.0}, // 1: best on factor 1
            {3.0, 3.0}, // 2: a compromise nobody beats on both
            {2.5, 2.5}, // 3: beaten by 2 on both
            {2.0, 1.0}, // 4: beaten by 3 on both
        };

        // when
        int[] tiers = ParetoTiers.of(means);

        // then
        assertThat(tiers).containsExactly(1, 1, 1, 2, 3);
    }

    @Test
    void aTieOnOneFactorIsNotABeating() {
        // given field 1 equals field 0 on factor 1 and is worse on factor 0
        double[][] means = {{3.0, 3.0}, {2.0, 3.0}, {1.0, 1.0}};

        assertThat(ParetoTiers.of(means)).containsExactly(1, 1, 2);
    }

    @Test
    void withOneFactorTiersFollowTheDistinctValues() {
        double[][] means = {{2.0}, {3.0}, {2.0}, {1.0}};

        assertThat(ParetoTiers.of(means)).containsExactly(2, 1, 2, 3);
    }

    @Test
    void noFieldsNoTiers() {
        assertThat(ParetoTiers.of(new double[0][])).isEmpty();
    }

    @Test
    void rejectsNaNAndRaggedInput() {
        assertThatThrownBy(() -> ParetoTiers.of(new double[][] {{1.0}, {Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParetoTiers.of(new double[][] {{1.0}, {1.0, 2.0}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParetoTiers.of(new double[][] {{}})).isInstanceOf(IllegalArgumentException.class);
    }
}
