package dev.fieldpoll.web;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the web port tells operators besides the results pages: {@code /healthz} and {@code /metrics}.
 * A port of the web adapter, implemented where the database and the platforms are known.
 * Implementations must be thread-safe: the server's threads ask at once.
 */
public interface Operations {

    /** Checks the database and the platforms now. */
    Health health();

    /** Every metric in Prometheus' text format (version 0.0.4). */
    String metrics();

    /**
     * @param database  whether a query went through
     * @param platforms each platform this process runs, and whether it is connected now
     */
    record Health(boolean database, Map<String, Boolean> platforms) {
        public Health {
            platforms = Map.copyOf(Objects.requireNonNull(platforms, "platforms"));
        }

        public boolean ok() {
            return database && !platforms.containsValue(false);
        }

        /** {@code {"status":"ok","database":"up","platforms":{"discord":"connected"}}}: names in order. */
        public String json() {
            StringBuilder text = new StringBuilder("{\"status\":\"")
                    .append(ok() ? "ok" : "unavailable")
                    .append("\",\"database\":\"")
                    .append(database ? "up" : "down")
                    .append("\",\"platforms\":{");
            String comma = "";
            for (Map.Entry<String, Boolean> platform : new TreeMap<>(platforms).entrySet()) {
                text.append(comma)
                        .append('"')
                        .append(platform.getKey())
                        .append("\":\"")
                        .append(platform.getValue() ? "connected" : "disconnected")
                        .append('"');
                comma = ",";
            }
            return text.append("}}").toString();
        }
    }
}
