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

    public Optional<Template> find(String key) {
        return Optional.ofNullable(templates.get(key));
    }

    public Template defaultTemplate() {
        return templates.get(defaultKey);
    }

    public Collection<Template> all() {
        return List.copyOf(templates.values());
    }
}
