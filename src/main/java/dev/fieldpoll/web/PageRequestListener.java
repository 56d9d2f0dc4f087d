package dev.fieldpoll.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.fieldpoll.bot.PageReply;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.report.JsonReportRenderer;
import dev.fieldpoll.report.VotesCsvRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one HTTP request for a results page: checks the link's signature before anything else,
 * asks the bot what this viewer may see now, and renders it. Catches everything at its edge: a
 * failure is logged and the reader gets a plain sentence. Links are credentials, so none is logged.
 * Thread-safe: holds only thread-safe collaborators, and counts running requests under its monitor.
 */
final class PageRequestListener {

    private static final Logger log = LoggerFactory.getLogger(PageRequestListener.class);
    private static final String HTML = "text/html; charset=utf-8";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final PollBot bot;
    private final LinkSigner signer;
    private final Clock clock;
    private final ZoneId zone;
    private final ResultsPageRenderer pages = ResultsPageRenderer.standard();
    private final ErrorPageRenderer errors = new ErrorPageRenderer();
    private final JsonReportRenderer json = new JsonReportRenderer();
    private final VotesCsvRenderer csv = new VotesCsvRenderer();
    /** Requests being answered now; guarded by this listener's monitor. */
    private int active;

    PageRequestListener(PollBot bot, LinkSigner signer, Clock clock, ZoneId zone) {
        this.bot = bot;
        this.signer = signer;
        this.clock = clock;
        this.zone = zone;
    }

    /** The route of a path: a link token, and the file below it when one is asked for. */
    record Route(String token, Optional<String> file) {

        /** {@code …/r/<token>} or {@code …/r/<token>/<file>}; a proxy may keep a path prefix in front. */
        static Optional<Route> of(String path) {
            int at = path.lastIndexOf("/" + PageLinks.PAGE_PATH);
            String rest = at < 0 ? "" : path.substring(at + 1 + PageLinks.PAGE_PATH.length());
            if (rest.isEmpty() || rest.startsWith("/")) {
                return Optional.empty();
            }
            int slash = rest.indexOf('/');
            return Optional.of(
                    slash < 0
                            ? new Route(rest, Optional.empty())
                            : new Route(rest.substring(0, slash), Optional.of(rest.substring(slash + 1))));
        }
    }

    void exchange(HttpExchange exchange) {
        begin();
        try {
            Response response = respond(
                    exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            send(exchange, response);
        } catch (RuntimeException | IOException failure) {
            log.error("Could not answer a results page request", failure);
            try {
                send(
                        exchange,
                        page(
                                500,
                                "Something went wrong",
                                "Something went wrong on our side. Please try again in a moment."));
            } catch (IOException | RuntimeException alreadySent) {
                log.debug("Could not send the error page either", alreadySent);
            }
        } finally {
            exchange.close();
            end();
        }
    }

    private synchronized void begin() {
        active++;
    }

    private synchronized void end() {
        if (--active == 0) {
            notifyAll();
        }
    }

    /** Waits until no request is being answered, or {@code max} has passed; true when none is. */
    synchronized boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (active > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    Response respond(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return page(405, "Only reading here", "Results pages can only be read.");
        }
        Optional<Route> route = Route.of(path);
        if (route.isEmpty()) {
            return page(
                    404,
                    "Nothing here",
                    "fieldpoll serves results pages only at the links it gives members in the chat. "
                            + PageReply.NEW_LINK);
        }
        LinkVerdict verdict = signer.verify(route.get().token());
        if (verdict instanceof LinkVerdict.Expired expired) {
            return page(
                    403,
                    "This link has expired",
                    "Personal links to results work for a limited time; this one stopped at "
                            + WHEN.format(expired.at().atZone(zone)) + ". " + PageReply.NEW_LINK);
        }
        if (!(verdict instanceof LinkVerdict.Valid valid)) {
            return page(
                    403,
                    "This link is not valid",
                    "It may have been cut short or changed on the way: links to results pages are signed. "
                            + PageReply.NEW_LINK);
        }
        if (valid.claims() instanceof LinkClaims.Personal personal) {
            return personal(personal, route.get());
        }
        if (route.get().file().isPresent()) {
            return page(404, "Nothing here", "A public results page has no downloads.");
        }
        LinkClaims.Shared shared = (LinkClaims.Shared) valid.claims();
        return shown(bot.sharedPage(shared.pollId(), shared.generation()), Optional.empty(), Optional.empty());
    }

    private Response personal(LinkClaims.Personal claims, Route route) {
        if (route.file().isEmpty()) {
            return shown(
                    bot.page(claims.viewer(), claims.pollId()),
                    Optional.of(claims.expires()),
                    Optional.of(route.token()));
        }
        String file = route.file().get();
        if (file.equals(DownloadsRenderer.VOTES_FILE)) {
            PageReply reply = bot.votes(claims.viewer(), claims.pollId());
            if (reply instanceof PageReply.Votes votes) {
                StringBuilder text = new StringBuilder();
                csv.render(votes.votes(), text);
                return Response.download(
                        "text/csv; charset=utf-8", "poll-" + claims.pollId() + "-votes.csv", text.toString());
            }
            return refusal(reply);
        }
        if (file.equals(DownloadsRenderer.REPORT_FILE)) {
            PageReply reply = bot.page(claims.viewer(), claims.pollId());
            if (reply instanceof PageReply.Page shown && shown.viewerIsAdmin()) {
                return Response.download(
                        "application/json; charset=utf-8",
                        "poll-" + claims.pollId() + "-report.json",
                        json.render(shown.report()));
            }
            return reply instanceof PageReply.Page
                    ? page(403, "For admins only", "Only admins can download the report of a poll.")
                    : refusal(reply);
        }
        return page(404, "Nothing here", "This results page has no such file.");
    }

    /** @param token the personal link's own token, for relative download links below it: {@code <token>/votes.csv} */
    private Response shown(PageReply reply, Optional<Instant> expires, Optional<String> token) {
        if (!(reply instanceof PageReply.Page page)) {
            return refusal(reply);
        }
        Optional<String> downloads = page.viewerIsAdmin() ? token.map(personal -> personal + "/") : Optional.empty();
        return Response.html(200, pages.render(new ResultsPage(page, expires, downloads, clock.instant(), zone)));
    }

    private Response refusal(PageReply reply) {
        if (reply instanceof PageReply.SlowDown slow) {
            return page(429, "One moment", slow.reason());
        }
        return page(403, "These results are not shown to you now", ((PageReply.Refused) reply).reason());
    }

    private Response page(int status, String heading, String message) {
        return Response.html(status, errors.render(heading, message));
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("Content-Security-Policy", PageStyle.STANDARD.contentSecurityPolicy());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cache-Control", "no-store");
        if (response.status() == 405) {
            headers.set("Allow", "GET, HEAD");
        }
        if (response.status() == 429) {
            headers.set("Retry-After", "10");
        }
        response.attachment()
                .ifPresent(name -> headers.set("Content-Disposition", "attachment; filename=\"" + name + "\""));
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** What goes back: a status, a content type, a body, and a file name for downloads. */
    record Response(int status, String contentType, String body, Optional<String> attachment) {

        static Response html(int status, String body) {
            return new Response(status, HTML, body, Optional.empty());
        }

        static Response download(String contentType, String fileName, String body) {
            return new Response(200, contentType, body, Optional.of(fileName));
        }
    }
}
