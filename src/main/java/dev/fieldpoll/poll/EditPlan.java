package dev.fieldpoll.poll;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A checked edit, ready to store in one commit: fields added (new keys), restored (removed ones
 * added back by name, with their votes), removed (kept with their votes, hidden), renamed (same
 * key), the poll's title, close time (null: none) and results rule after the edit, and one note per
 * change for the next summary.
 */
public record EditPlan(
        List<Field> added,
        Map<String, String> restored,
        List<String> removed,
        Map<String, String> renamed,
        String title,
        Instant closesAt,
        ResultsVisibility visibility,
        boolean closesChanged,
        List<String> notes) {

    public EditPlan {
        added = List.copyOf(added);
        restored = Map.copyOf(restored);
        removed = List.copyOf(removed);
        renamed = Map.copyOf(renamed);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(visibility, "visibility");
        notes = List.copyOf(notes);
    }
}
