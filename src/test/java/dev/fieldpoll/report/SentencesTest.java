package dev.fieldpoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.testing.ReportFixtures;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void a_poll_without_a_ranking_says_whether_it_waits_for_voters_or_for_scores() {
        Map<String, Map<CellKey, Answer>> two = new LinkedHashMap<>();
        two.put("a", Map.of(new CellKey("interp", "feedback"), Answer.score(4)));
        two.put("b", Map.of(new CellKey("interp", "feedback"), Answer.score(5)));
        Map<String, Map<CellKey, Answer>> five = new LinkedHashMap<>(two);
        for (String voter : new String[] {"c", "d", "e"}) {
            five.put(voter, Map.of(new CellKey("interp", "feedback"), Answer.score(3)));
        }

        PollReport waitingForVoters = ReportFixtures.report(two);
        PollReport waitingForScores = ReportFixtures.report(five);

        assertThat(Sentences.progress(waitingForVoters))
                .isEqualTo("Only 2 voters so far. Results appear from 3 voters");
        assertThat(Sentences.progress(waitingForScores))
                .isEqualTo("5 voters so far, but no field has 3 scores on every factor yet, so nothing is ranked");
        assertThat(Sentences.closedWithoutResults(waitingForScores))
                .startsWith("It closed with 5 voters before any field had 3 scores on every factor");
        assertThat(Sentences.notEnoughVotes(waitingForScores)).startsWith("No field has 3 scores on every factor yet");
        assertThat(waitingForScores.notRanked()).hasSize(3);
    }

    @Test
    void fields_the_voter_adjustment_moved_are_named_only_beyond_a_tenth() {
        PollReport complete = ReportFixtures.report(ReportFixtures.tenVoters());

        assertThat(complete.adjustedFields()).isEmpty();
        assertThat(Sentences.adjusted(complete)).isEmpty();
    }
}
