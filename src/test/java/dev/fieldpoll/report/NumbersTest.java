package dev.fieldpoll.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void halves_that_each_round_up_still_add_to_one_hundred() {
        // 105 and 95 of 200 are 52.5% and 47.5%: rounded one by one, 53% and 48% (101%)
        int[] percents = Numbers.wholePercents(new int[] {105, 95});

        assertThat(percents).containsExactly(53, 47);
    }

    @Test
    void the_missing_points_go_to_the_largest_remainders_and_ties_to_the_earlier_group() {
        // thirds: 33.3% each, one point missing, all remainders equal
        assertThat(Numbers.wholePercents(new int[] {1, 1, 1})).containsExactly(34, 33, 33);
        // 7/8 = 87.5% and 1/8 = 12.5%: equal remainders, the earlier count takes the point
        assertThat(Numbers.wholePercents(new int[] {7, 1})).containsExactly(88, 12);
        // 66.7%, 16.7%, 16.7%: two points missing, equal remainders: the first two take them
        assertThat(Numbers.wholePercents(new int[] {4, 1, 1})).containsExactly(67, 17, 16);
        // 45.5%, 36.4%, 18.2%: the one missing point goes to the largest remainder
        assertThat(Numbers.wholePercents(new int[] {5, 4, 2})).containsExactly(46, 36, 18);
    }

    @Test
    void shown_percents_always_add_to_one_hundred_and_stay_within_a_point_of_the_share() {
        Random random = new Random(13);
        for (int trial = 0; trial < 2000; trial++) {
            int[] counts = new int[2 + random.nextInt(3)];
            for (int at = 0; at < counts.length; at++) {
                counts[at] = random.nextInt(trial % 2 == 0 ? 10 : 100_000);
            }
            long total = Arrays.stream(counts).asLongStream().sum();
            if (total == 0) {
                continue;
            }

            int[] percents = Numbers.wholePercents(counts);

            assertThat(Arrays.stream(percents).sum()).isEqualTo(100);
            for (int at = 0; at < counts.length; at++) {
                double exact = 100.0 * counts[at] / total;
                assertThat(Math.abs(percents[at] - exact)).isLessThan(1.0);
            }
        }
    }

    @Test
    void no_counts_give_no_percents_and_negative_counts_are_refused() {
        assertThat(Numbers.wholePercents(new int[] {0, 0})).containsExactly(0, 0);
        assertThat(Numbers.wholePercents(new int[0])).isEmpty();
        assertThatThrownBy(() -> Numbers.wholePercents(new int[] {3, -1})).isInstanceOf(IllegalArgumentException.class);
    }
}
