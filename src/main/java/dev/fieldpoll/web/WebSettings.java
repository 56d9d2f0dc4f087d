package dev.fieldpoll.web;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where results pages are served and how links look.
 *
 * @param bind         the address to listen on, 127.0.0.1 unless pages are opened from other machines
 * @param port         the port; 0 takes any free one (tests)
 * @param baseUrl      the address members open, when a reverse proxy stands in front; else the bound one
 * @param linkLifetime how long a personal link works
 */
public record WebSettings(String bind, int port, Optional<URI> baseUrl, Duration linkLifetime) {

    public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofHours(24);

    public WebSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the web port must be between 0 and 65535, was " + port);
        }
        baseUrl = baseUrl == null ? Optional.empty() : baseUrl.map(WebSettings::withSlash);
        if (linkLifetime == null
                || linkLifetime.compareTo(Duration.ofMinutes(1)) < 0
                || linkLifetime.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("a link lifetime must be between 1 minute and 30 days");
        }
    }

    private static URI withSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }
}
