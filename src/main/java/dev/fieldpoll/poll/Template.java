package dev.fieldpoll.poll;

/** A reusable poll: a key to pick it by, a default title, and its definition. */
public record Template(String key, String title, String description, PollDefinition definition) {

    public Template {
        key = Keys.requireKey(key, "template");
        title = Keys.requireText(title, "template title", Poll.MAX_TITLE_LENGTH);
        description = Keys.cleanOrEmpty(description);
        if (definition == null) {
            throw new IllegalArgumentException("template " + key + " has no definition");
        }
    }
}
