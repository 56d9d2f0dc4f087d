package dev.fieldpoll.poll;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The templates a community can start polls from, by key; one of them is the default. */
public final class TemplateCatalog {

    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final String defaultKey;

    public TemplateCatalog(List<Template> templates, String defaultKey) {
        for (Template template : templates) {
            this.templates.put(template.key(), template);
        }
        if (!this.templates.containsKey(defaultKey)) {
            throw new IllegalArgumentException(
                    "the default template '" + defaultKey + "' is not among " + this.templates.keySet());
        }
        this.defaultKey = defaultKey;
    }

    /** The template by its key, as typed: case and width do not matter. */
    public Optional<Template> find(String key) {
        return key == null
                ? Optional.empty()
                : Optional.ofNullable(templates.get(Keys.fold(key).strip()));
    }

    /** Keys of templates a typo away from what was typed, nearest first. */
    public List<String> near(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        String wanted = Keys.fold(typed).strip();
        List<String> keys = List.copyOf(templates.keySet());
        return keys.stream()
                .filter(key ->
                        NameMatch.Suggestions.distance(wanted, key) <= NameMatch.Suggestions.allowedTypos(wanted))
                .sorted(java.util.Comparator.comparingInt(key -> NameMatch.Suggestions.distance(wanted, key)))
                .toList();
    }

    /** "No template 'x'. Did you mean 'y'? Templates: a, b." */
    public String unknown(String typed) {
        List<String> near = near(typed);
        return "No template '" + Keys.shown(typed) + "'."
                + (near.isEmpty() ? "" : " Did you mean '" + String.join("' or '", near) + "'?")
                + " Templates: " + String.join(", ", templates.keySet()) + ".";
    }

    public Template defaultTemplate() {
        return templates.get(defaultKey);
    }

    public Collection<Template> all() {
        return List.copyOf(templates.values());
    }
}
