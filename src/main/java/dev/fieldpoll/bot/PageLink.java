package dev.fieldpoll.bot;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A link to a poll's results page: a member's personal one, which works until {@code expires},
 * or the public one an admin shared, which works while the page stays public.
 */
public record PageLink(URI uri, Optional<Instant> expires) {

    public PageLink {
        Objects.requireNonNull(uri, "uri");
        expires = expires == null ? Optional.empty() : expires;
    }

    public boolean isPersonal() {
        return expires.isPresent();
    }
}
