package dev.fieldpoll.poll;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a poll asks: the fields, the factors, the scale, optional reference scores (an author's
 * own scores the community is compared with), and what a higher score means in the template's
 * words ("automated sooner"; "more" for ad-hoc polls). Copied into each poll at creation, so
 * editing a template never changes a running poll.
 */
public record PollDefinition(
        Scale scale, List<Field> fields, List<Factor> factors, Map<CellKey, Double> reference, String higher) {

    public static final int MAX_FIELDS = 25;
    public static final int MAX_FACTORS = 5;
    /** What a higher score means when a template does not say. */
    public static final String HIGHER_MEANS_MORE = "more";

    public static final int MAX_HIGHER_LENGTH = 60;

    public PollDefinition {
        if (scale == null) {
            throw new IllegalArgumentException("scale is missing");
        }
        higher = higher == null || Keys.cleanOrEmpty(higher).isEmpty()
                ? HIGHER_MEANS_MORE
                : Keys.requireText(higher, "higher", MAX_HIGHER_LENGTH);
        fields = List.copyOf(fields);
        factors = List.copyOf(factors);
        reference = reference == null ? Map.of() : Map.copyOf(reference);
        requireCount(fields.size(), MAX_FIELDS, "field");
        requireCount(factors.size(), MAX_FACTORS, "factor");
        requireUnique(fields.stream().map(Field::key).toList(), "field");
        requireUnique(factors.stream().map(Factor::key).toList(), "factor");
        // The record's own fields are assigned only after this body, so check against the parameters.
        Set<String> fieldKeys = new HashSet<>(fields.stream().map(Field::key).toList());
        Set<String> factorKeys = new HashSet<>(factors.stream().map(Factor::key).toList());
        for (Map.Entry<CellKey, Double> entry : reference.entrySet()) {
            CellKey cell = entry.getKey();
            if (!fieldKeys.contains(cell.field()) || !factorKeys.contains(cell.factor())) {
                throw new IllegalArgumentException(
                        "reference names an unknown cell '" + cell.field() + "' / '" + cell.factor() + "'");
            }
            double score = entry.getValue();
            if (score < scale.min() || score > scale.max()) {
                throw new IllegalArgumentException("reference score " + score + " for " + cell.field() + "/"
                        + cell.factor() + " is outside the scale " + scale);
            }
        }
    }

    /** A definition whose higher scores mean "more". */
    public PollDefinition(Scale scale, List<Field> fields, List<Factor> factors, Map<CellKey, Double> reference) {
        this(scale, fields, factors, reference, HIGHER_MEANS_MORE);
    }

    private static void requireCount(int count, int max, String what) {
        if (count < 1 || count > max) {
            throw new IllegalArgumentException("a poll needs 1 to " + max + " " + what + "s, got " + count);
        }
    }

    private static void requireUnique(List<String> keys, String what) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                throw new IllegalArgumentException("two " + what + "s share the key '" + key + "'");
            }
        }
    }

    public int indexOfField(String key) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public int indexOfFactor(String key) {
        for (int i = 0; i < factors.size(); i++) {
            if (factors.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Field> field(String key) {
        int index = indexOfField(key);
        return index < 0 ? Optional.empty() : Optional.of(fields.get(index));
    }

    public Optional<Factor> factor(String key) {
        int index = indexOfFactor(key);
        return index < 0 ? Optional.empty() : Optional.of(factors.get(index));
    }

    /** Whether the poll has this field and this factor: a cell a client names is checked against it. */
    public boolean hasCell(CellKey cell) {
        return indexOfField(cell.field()) >= 0 && indexOfFactor(cell.factor()) >= 0;
    }

    public boolean hasReference() {
        return !reference.isEmpty();
    }

    /** Cells in ballot order: field by field, factor by factor. */
    public List<CellKey> cells() {
        return fields.stream()
                .flatMap(field -> factors.stream().map(factor -> new CellKey(field.key(), factor.key())))
                .toList();
    }

    public int cellCount() {
        return fields.size() * factors.size();
    }
}
