package dev.fieldpoll.poll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A change to an open poll as a member asked for it: fields to add, remove and rename (by name, as
 * typed), and a new title, close time or results rule. Names are still untrusted text;
 * {@link PollLifecycleService} checks each against the poll with the same rules as creating one.
 */
public record PollEdit(
        List<String> add,
        List<String> remove,
        List<Rename> renames,
        Optional<String> title,
        Optional<Instant> closesAt,
        Optional<ResultsVisibility> visibility) {

    /** "old => new": a field keeps its key and its votes under a new name. */
    public record Rename(String from, String to) {
        public Rename {
            from = from == null ? "" : from;
            to = to == null ? "" : to;
        }
    }

    public PollEdit {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
        renames = List.copyOf(renames);
        title = title == null ? Optional.empty() : title;
        closesAt = closesAt == null ? Optional.empty() : closesAt;
        visibility = visibility == null ? Optional.empty() : visibility;
    }

    public boolean isEmpty() {
        return add.isEmpty()
                && remove.isEmpty()
                && renames.isEmpty()
                && title.isEmpty()
                && closesAt.isEmpty()
                && visibility.isEmpty();
    }
}
