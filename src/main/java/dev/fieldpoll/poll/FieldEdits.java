package dev.fieldpoll.poll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out what an edit does to a poll's fields, with the checks of {@code /poll create}: names
 * cleaned and at most 80 characters, no two fields a member could not tell apart, 1 to 25 fields.
 * Renames first, then removals, then additions (a name once removed comes back with its key and
 * votes). Made anew for each edit; not shared.
 */
final class FieldEdits {

    static final int MAX_NAME_LENGTH = 80;

    /** The poll's visible fields as the edit goes, by key, in ballot order. */
    private final Map<String, String> visible = new LinkedHashMap<>();
    /** Removed fields by key: what an added name may restore. */
    private final Map<String, String> hidden = new LinkedHashMap<>();

    private final Set<String> taken = new HashSet<>();
    private final List<Field> added = new ArrayList<>();
    private final Map<String, String> restored = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();
    private final Map<String, String> renamed = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    FieldEdits(PollDefinition definition, List<Field> removedFields) {
        definition.fields().forEach(field -> visible.put(field.key(), field.name()));
        removedFields.forEach(field -> hidden.put(field.key(), field.name()));
        taken.addAll(visible.keySet());
        taken.addAll(hidden.keySet());
    }

    /** Applies the edit's field changes; the refusal, when one cannot be made. */
    Optional<String> apply(PollEdit edit) {
        for (PollEdit.Rename rename : edit.renames()) {
            Optional<String> refused = rename(rename);
            if (refused.isPresent()) {
                return refused;
            }
        }
        for (String name : edit.remove()) {
            Optional<String> refused = remove(name);
            if (refused.isPresent()) {
                return refused;
            }
        }
        for (String name : edit.add()) {
            Optional<String> refused = add(name);
            if (refused.isPresent()) {
                return refused;
            }
        }
        if (visible.isEmpty()) {
            return Optional.of("A poll needs at least one field, so not every field can be removed.");
        }
        if (visible.size() > PollDefinition.MAX_FIELDS) {
            return Optional.of("A poll has at most " + PollDefinition.MAX_FIELDS + " fields; this edit would leave "
                    + visible.size() + ".");
        }
        return Optional.empty();
    }

    private Optional<String> rename(PollEdit.Rename rename) {
        Optional<String> key = find(rename.from());
        if (key.isEmpty()) {
            return Optional.of(unknown(rename.from()));
        }
        Optional<String> name = cleanName(rename.to());
        if (name.isEmpty()) {
            return Optional.of(badName(rename.to()));
        }
        Optional<String> clash = clash(name.get(), key.get());
        if (clash.isPresent()) {
            return clash;
        }
        String old = visible.put(key.get(), name.get());
        renamed.put(key.get(), name.get());
        restored.computeIfPresent(key.get(), (unused, before) -> name.get());
        notes.add("Field " + old + " renamed to " + name.get());
        return Optional.empty();
    }

    private Optional<String> remove(String typed) {
        Optional<String> key = find(typed);
        if (key.isEmpty()) {
            return Optional.of(unknown(typed));
        }
        String name = visible.remove(key.get());
        hidden.put(key.get(), name);
        if (restored.remove(key.get()) == null) {
            removed.add(key.get());
        }
        notes.add("Field " + name + " removed");
        return Optional.empty();
    }

    private Optional<String> add(String typed) {
        Optional<String> name = cleanName(typed);
        if (name.isEmpty()) {
            return Optional.of(badName(typed));
        }
        Optional<String> clash = clash(name.get(), null);
        if (clash.isPresent()) {
            return clash;
        }
        Optional<String> back = hidden.entrySet().stream()
                .filter(entry -> Keys.fold(entry.getValue()).equals(Keys.fold(name.get())))
                .map(Map.Entry::getKey)
                .findFirst();
        if (back.isPresent()) {
            hidden.remove(back.get());
            visible.put(back.get(), name.get());
            if (!removed.remove(back.get())) {
                restored.put(back.get(), name.get());
            }
            notes.add("Field " + name.get() + " added back");
            return Optional.empty();
        }
        String key = Keys.unique(Keys.slug(name.get()).orElse("f" + (taken.size() + 1)), taken);
        added.add(new Field(key, name.get(), ""));
        visible.put(key, name.get());
        notes.add("Field " + name.get() + " added");
        return Optional.empty();
    }

    private Optional<String> find(String typed) {
        List<Map.Entry<String, String>> fields = List.copyOf(visible.entrySet());
        NameMatch<Map.Entry<String, String>> match =
                NameMatch.of(typed, fields, Map.Entry::getKey, Map.Entry::getValue);
        return match instanceof NameMatch.Found<Map.Entry<String, String>> found
                ? Optional.of(found.item().getKey())
                : Optional.empty();
    }

    /** Another visible field already has this name, once case-folded; {@code except}: the one being renamed. */
    private Optional<String> clash(String name, String except) {
        String folded = Keys.fold(name);
        return visible.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(except))
                .filter(entry -> Keys.fold(entry.getValue()).equals(folded))
                .findFirst()
                .map(entry -> "This poll already has a field called '" + Keys.shown(entry.getValue())
                        + "'; give each field its own name.");
    }

    private String unknown(String typed) {
        return "This poll has no field '" + Keys.shown(typed) + "'. Its fields are: "
                + String.join(", ", visible.values()) + ".";
    }

    private static Optional<String> cleanName(String typed) {
        String name = Keys.cleanOrEmpty(typed);
        return name.isEmpty() || name.length() > MAX_NAME_LENGTH ? Optional.empty() : Optional.of(name);
    }

    private static String badName(String typed) {
        return "'" + Keys.shown(typed) + "' cannot be a field name: give 1 to " + MAX_NAME_LENGTH + " characters.";
    }

    List<Field> added() {
        return added;
    }

    Map<String, String> restored() {
        return restored;
    }

    List<String> removed() {
        return removed;
    }

    /** Every rename, by key; a field renamed and then removed keeps its new name while hidden. */
    Map<String, String> renamed() {
        return renamed;
    }

    List<String> notes() {
        return notes;
    }
}
