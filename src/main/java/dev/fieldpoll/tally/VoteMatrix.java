package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.Objects;

/**
 * Every voter's ballot in one flat array, compact enough to resample 10,000 voters quickly.
 * {@code answers[(voter * fields + field) * factors + factor]} is 0 when the voter gave no
 * score (missing or "don't know"), otherwise the score index {@code score − scaleMin + 1}.
 */
public record VoteMatrix(int voters, int fields, int factors, byte[] answers) {

    public VoteMatrix {
        if (voters < 0 || fields < 1 || factors < 1) {
            throw new IllegalArgumentException(
                    "need voters >= 0, fields >= 1, factors >= 1; got " + voters + ", " + fields + ", " + factors);
        }
        Objects.requireNonNull(answers, "answers");
        if (answers.length != (long) voters * fields * factors) {
            throw new IllegalArgumentException(
                    "expected " + (long) voters * fields * factors + " answers, got " + answers.length);
        }
        answers = answers.clone();
        for (byte answer : answers) {
            if (answer < 0) {
                throw new IllegalArgumentException("score indexes are never negative, got " + answer);
            }
        }
    }

    /** The voter's score index for the cell: 0 = no score, otherwise score − scaleMin + 1. */
    public int scoreIndex(int voter, int field, int factor) {
        Objects.checkIndex(voter, voters);
        Objects.checkIndex(field, fields);
        Objects.checkIndex(factor, factors);
        return answers[(voter * fields + field) * factors + factor];
    }

    @Override
    public byte[] answers() {
        return answers.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VoteMatrix that
                && voters == that.voters
                && fields == that.fields
                && factors == that.factors
                && Arrays.equals(answers, that.answers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(voters, fields, factors, Arrays.hashCode(answers));
    }

    /** Leaves the answers out: at 10,000 voters they would swamp any log line. */
    @Override
    public String toString() {
        return "VoteMatrix[voters=" + voters + ", fields=" + fields + ", factors=" + factors + "]";
    }

    /** Collects ballots one voter at a time; cells never set stay "no score". */
    public static final class Builder {

        private static final int INITIAL_VOTERS = 16;

        private final int fields;
        private final int factors;
        private final int scaleMin;
        private byte[] answers;
        private int voters;

        public Builder(int fields, int factors, int scaleMin) {
            if (fields < 1 || factors < 1) {
                throw new IllegalArgumentException("need at least one field and one factor");
            }
            this.fields = fields;
            this.factors = factors;
            this.scaleMin = scaleMin;
            this.answers = new byte[INITIAL_VOTERS * fields * factors];
        }

        /** Adds an empty ballot and returns its voter index. */
        public int addVoter() {
            int ballotSize = fields * factors;
            if ((voters + 1) * ballotSize > answers.length) {
                answers = Arrays.copyOf(answers, Math.multiplyExact(answers.length, 2));
            }
            return voters++;
        }

        /** Records a score in scale units, e.g. 4 on a 1–5 scale. */
        public Builder set(int voter, int field, int factor, int score) {
            Objects.checkIndex(voter, voters);
            Objects.checkIndex(field, fields);
            Objects.checkIndex(factor, factors);
            int scoreIndex = score - scaleMin + 1;
            if (scoreIndex < 1 || scoreIndex > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("score " + score + " is outside a scale starting at " + scaleMin);
            }
            answers[(voter * fields + field) * factors + factor] = (byte) scoreIndex;
            return this;
        }

        public VoteMatrix build() {
            return new VoteMatrix(voters, fields, factors, Arrays.copyOf(answers, voters * fields * factors));
        }
    }
}
