package dev.fieldpoll.poll;

/** An item members score, e.g. "Mech Interp". Its key is stable; the name is what people read. */
public record Field(String key, String name, String description) {

    public Field {
        key = Keys.requireKey(key, "field");
        name = Keys.requireText(name, "field name", 80);
        description = Keys.cleanOrEmpty(description);
    }
}
