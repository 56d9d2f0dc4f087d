package dev.fieldpoll.poll;

import java.util.Map;

/** One member's answers in one poll, by cell. Cells never answered are absent. */
public record Ballot(long pollId, String voterId, Map<CellKey, Answer> answers) {

    public Ballot {
        answers = Map.copyOf(answers);
    }

    public static Ballot empty(long pollId, String voterId) {
        return new Ballot(pollId, voterId, Map.of());
    }

    public boolean isEmpty() {
        return answers.isEmpty();
    }
}
