package dev.fieldpoll.summary;

import dev.fieldpoll.poll.CellKey;
import java.time.Instant;
import java.util.Map;

/** What a posted summary showed of one poll, so next week's can say what moved. */
public record Snapshot(
        long pollId, Instant takenAt, int voters, Map<String, Integer> ranks, Map<CellKey, String> labels) {

    public Snapshot {
        ranks = Map.copyOf(ranks);
        labels = Map.copyOf(labels);
    }
}
