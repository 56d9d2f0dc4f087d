package dev.fieldpoll.web;

import dev.fieldpoll.bot.PageReply;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.report.PollReport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One results page to render: what the bot allows this viewer to see, how they came (a personal
 * link until {@code linkExpires}, or a public one), where the admin downloads are, and when.
 *
 * @param downloads the relative path the download files hang under, when the viewer may download
 */
record ResultsPage(
        PageReply.Page shown, Optional<Instant> linkExpires, Optional<String> downloads, Instant now, ZoneId zone) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    ResultsPage {
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(linkExpires, "linkExpires");
        Objects.requireNonNull(downloads, "downloads");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
    }

    Poll poll() {
        return shown.poll();
    }

    PollReport report() {
        return shown.report();
    }

    String when(Instant instant) {
        return WHEN.format(ZonedDateTime.ofInstant(instant, zone));
    }
}
