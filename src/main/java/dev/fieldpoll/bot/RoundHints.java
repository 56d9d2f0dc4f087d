package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a later round's ballot shows beside each cell: the previous round's community view (only for
 * cells eligible there, at least min-voters scores) and the member's own previous answer, which the
 * ballot may offer prefilled. For that member alone.
 *
 * @param round the ballot's round (2, 3, …)
 * @param community per eligible cell of the previous round, its median and middle half
 * @param yours the member's answers in the previous round
 */
public record RoundHints(
        int round, long previousPollId, Map<CellKey, Community> community, Map<CellKey, Answer> yours) {

    public RoundHints {
        community = Map.copyOf(community);
        yours = Map.copyOf(yours);
    }

    /** A previous round's cell: its median (may be a half point) and quartiles, in scale units. */
    public record Community(double median, int lowerQuartile, int upperQuartile) {}

    /** "round 1: median 4, middle half 3–5 · you: 4", or empty when there is nothing to show. */
    public Optional<String> line(CellKey cell) {
        StringBuilder line = new StringBuilder();
        Community view = community.get(cell);
        if (view != null) {
            line.append("round ").append(round - 1).append(": median ").append(median(view.median()));
            if (view.lowerQuartile() != view.upperQuartile()) {
                line.append(", middle half ")
                        .append(view.lowerQuartile())
                        .append("–")
                        .append(view.upperQuartile());
            }
        }
        Answer mine = yours.get(cell);
        if (mine != null) {
            line.append(line.length() == 0 ? "round " + (round - 1) + ": " : " · ")
                    .append("you: ")
                    .append(mine instanceof Answer.Score score ? Integer.toString(score.value()) : "don't know");
        }
        return line.length() == 0 ? Optional.empty() : Optional.of(line.toString());
    }

    /**
     * The ballot to show prefilled: the member's answers in this round, and for each cell they have not
     * answered yet their previous round's answer, so keeping one's view is one submit.
     */
    public Ballot prefilled(Ballot current) {
        Map<CellKey, Answer> answers = new LinkedHashMap<>(yours);
        answers.putAll(current.answers());
        return new Ballot(current.pollId(), current.voterId(), answers);
    }

    /** The member's previous answers for cells they have not answered in this round, as ballot texts. */
    public Map<CellKey, String> toKeep(Ballot current) {
        Map<CellKey, String> texts = new LinkedHashMap<>();
        yours.forEach((cell, answer) -> {
            if (!current.answers().containsKey(cell)) {
                texts.put(cell, answer instanceof Answer.Score score ? Integer.toString(score.value()) : "?");
            }
        });
        return texts;
    }

    /** "Round 2: beside each cell, round 1's view and your answer then." */
    public String heading() {
        return "Round " + round + " of this poll: beside each cell, round " + (round - 1)
                + "'s community view (median, middle half) and your own answer then.";
    }

    /** How to keep one's previous answers with one command or button. */
    public String keepHint() {
        return "`/poll keep` (or the Keep button) keeps your round " + (round - 1)
                + " answers for every cell you have not answered yet.";
    }

    private static String median(double median) {
        return median == Math.rint(median)
                ? Long.toString((long) median)
                : String.format(java.util.Locale.ROOT, "%.1f", median);
    }
}
