package dev.fieldpoll.discord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many messages of a multi-message summary are already posted, by summary, so a retry of the
 * same summary continues where the last attempt stopped. Kept in memory and bounded: an entry only
 * matters during one run's retries.
 */
final class DeliveredParts {

    private static final int REMEMBERED = 64;

    private final Map<String, Integer> parts = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized int count(String summary) {
        return parts.getOrDefault(summary, 0);
    }

    synchronized void record(String summary, int delivered) {
        parts.put(summary, delivered);
    }

    synchronized void forget(String summary) {
        parts.remove(summary);
    }
}
