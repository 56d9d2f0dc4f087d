package dev.fieldpoll.poll;

import java.util.Objects;

/** One field scored on one factor: the unit of a vote. */
public record CellKey(String field, String factor) {

    public CellKey {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(factor, "factor");
    }
}
