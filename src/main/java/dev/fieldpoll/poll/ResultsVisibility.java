package dev.fieldpoll.poll;

import java.util.Locale;
import java.util.Optional;

/** When members may see a poll's results. Admins always may. */
public enum ResultsVisibility {
    /** Once the member has voted, so early tallies do not anchor later voters. */
    AFTER_VOTE,
    /** Always. */
    LIVE,
    /** Only after the poll closed. */
    AFTER_CLOSE;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ResultsVisibility> fromKeyword(String text) {
        for (ResultsVisibility visibility : values()) {
            if (visibility.keyword().equalsIgnoreCase(text.strip())) {
                return Optional.of(visibility);
            }
        }
        return Optional.empty();
    }
}
