package dev.fieldpoll.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.network.model.ResourceType;

/**
 * The results page in a real headless Chromium (Debian's chromium and chromium-driver), against
 * the running bot: links come from Results replies typed into the console chat. One browser for
 * the class. Without the browser the tests are skipped, except under CI=true, where they fail.
 */
class ResultsPageBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path folder;

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private static final BlockingQueue<int[]> documentStatuses = new LinkedBlockingQueue<>();
    private static Wiring wiring;
    private static ChatSession chat;
    private static ChromeDriver browser;
    private static DevTools devTools;

    private static boolean browserInstalled() {
        return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    }

    @BeforeAll
    static void startBotAndBrowser() throws Exception {
        if (!browserInstalled()) {
            return;
        }
        wiring = new Wiring(TestConfigs.withWeb(folder), clock);
        wiring.startWeb();
        chat = new ChatSession(wiring);
        fillPolls();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory(folder, "chromium-profile"),
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER)
                        .usingAnyFreePort()
                        .build(),
                options);
        devTools = browser.getDevTools();
        devTools.createSession();
        devTools.send(Network.enable(
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty()));
        devTools.addListener(Network.responseReceived(), received -> {
            if (received.getType() == ResourceType.DOCUMENT) {
                documentStatuses.add(new int[] {received.getResponse().getStatus()});
            }
        });
    }

    /**
     * Poll #1: the AI-safety template, twelve voters scoring near the reference. Poll #2: an ad-hoc
     * poll with a field named like an attack. Poll #3: after-vote, where carol withdraws her votes.
     */
    private static void fillPolls() {
        chat.say("/poll create closes:3d");
        PollDefinition definition = wiring.templates().defaultTemplate().definition();
        SplittableRandom random = new SplittableRandom(15);
        List<String> lines = new ArrayList<>();
        for (int voter = 0; voter < 12; voter++) {
            lines.add(":as voter" + voter);
            for (Field field : definition.fields()) {
                lines.add("/poll vote poll:#1 " + field.key() + " feedback="
                        + score(definition, field, "feedback-quality", random) + " economic="
                        + score(definition, field, "economic-incentive", random));
            }
        }
        chat.say(lines.toArray(String[]::new));
        chat.say("/poll create Hostile names fields:\"" + HOSTILE + "; <img src=x onerror=alert(2)>; Plain & simple\""
                + " factors:\"Impact; Effort\"");
        chat.say(
                "/poll vote poll:#2 script impact=5 effort=2",
                "/poll vote poll:#2 img impact=1 effort=5",
                "/poll vote poll:#2 plain impact=3 effort=4",
                ":as alice",
                "/poll vote poll:#2 script impact=4 effort=2",
                "/poll vote poll:#2 img impact=2 effort=5",
                "/poll vote poll:#2 plain impact=3 effort=3",
                ":as bob",
                "/poll vote poll:#2 script impact=5 effort=1",
                "/poll vote poll:#2 img impact=2 effort=4",
                "/poll vote poll:#2 plain impact=4 effort=3");
        chat.say("/poll create Private until you vote fields:\"Alpha; Beta\" factors:\"Worth\" results:after-vote");
    }

    private static int score(PollDefinition definition, Field field, String factor, SplittableRandom random) {
        double reference = definition.reference().entrySet().stream()
                .filter(entry -> entry.getKey().field().equals(field.key())
                        && entry.getKey().factor().equals(factor))
                .mapToDouble(Map.Entry::getValue)
                .findFirst()
                .orElse(3);
        long score = Math.round(reference - 0.4 + (random.nextDouble() + random.nextDouble() - 1) * 2.2);
        return (int) Math.max(1, Math.min(5, score));
    }

    @BeforeEach
    void requireBrowser() {
        if (!browserInstalled()) {
            if (System.getenv("CI") != null) {
                fail("Chromium is missing: apt-get install -y chromium chromium-driver (.ci/run installs them)");
            }
            Assumptions.assumeTrue(false, "Chromium and chromedriver are not installed; browser tests skipped");
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (wiring != null) {
                wiring.close();
            }
        }
    }

    @Test
    void the_link_of_a_console_results_reply_opens_the_ranking_and_labelled_charts() throws Exception {
        // given the admin's Results reply in the console chat
        String reply = chat.say("/poll results #1");

        // when the member opens its link
        int status = open(ChatSession.link(reply));

        // then the browser shows the ranking of the report, in its order
        assertThat(status).isEqualTo(200);
        PollReport report =
                wiring.reports().reportFor(wiring.store().findById(1).orElseThrow());
        List<String> ranking = texts("#ranking tbody tr td.field .name");
        assertThat(ranking)
                .containsExactlyElementsOf(report.ranking().stream()
                        .map(PollReport.RankingEntry::name)
                        .toList());
        assertThat(texts("#ranking tbody tr td:first-child"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(browser.getTitle()).isEqualTo("Results: Which AI safety fields get automated first? · fieldpoll");

        // every cell's histogram and the map are SVG charts named by a title and described in text
        List<WebElement> histograms = browser.findElements(By.cssSelector(".cell-field svg[role=img]"));
        assertThat(histograms).hasSize(20);
        for (WebElement chart : histograms) {
            assertThat(accessibleName(chart)).contains(" / ");
            assertThat(chart.findElements(By.cssSelector("rect.bar"))).hasSize(5);
        }
        WebElement map = browser.findElement(By.id("factor-map"));
        assertThat(accessibleName(map))
                .startsWith("Where each field sits: Feedback quality across, Economic incentive up")
                .contains("1. " + ranking.get(0) + ": Feedback quality");
        assertThat(map.findElements(By.cssSelector("g.map-field"))).hasSize(10);
        assertThat(map.findElements(By.cssSelector("circle.refpoint"))).hasSize(10);
        assertThat(map.findElements(By.cssSelector("line.arrow"))).isNotEmpty();
        // twelve voters are fewer than a split label needs (10 scores per cell and evidence): the section says so
        assertThat(browser.findElement(By.id("splits-heading")).getText()).isEqualTo("Where we split");
        assertThat(browser.findElement(By.cssSelector("section[aria-labelledby=splits-heading] p"))
                        .getText())
                .startsWith("No cell shows a clear split");
        assertThat(browser.findElements(By.cssSelector("#reference tbody tr"))).hasSize(10);

        // no script runs, and the one style sheet the CSP allows is applied
        assertThat(script("return document.scripts.length")).isEqualTo(0L);
        assertThat(script("return getComputedStyle(document.querySelector('main')).maxWidth"))
                .isEqualTo("1088px");

        screenshots();
    }

    @Test
    void a_hostile_field_name_is_shown_as_text_and_runs_nothing() {
        int status = open(ChatSession.link(chat.say("/poll results #2")));

        assertThat(status).isEqualTo(200);
        assertThat(texts("#ranking tbody tr td.field .name"))
                .contains(HOSTILE, "<img src=x onerror=alert(2)>", "Plain & simple");
        assertThat(script("return document.querySelectorAll('img, script').length"))
                .isEqualTo(0L);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hostile names");
    }

    @Test
    void forged_expired_and_no_longer_allowed_links_get_403_with_how_to_get_a_new_one() {
        // given the admin's link, and carol's link to the after-vote poll she voted in, then withdrew from
        String mine = ChatSession.link(chat.say("/poll results #1"));
        String carols = ChatSession.link(chat.say(":as carol", "/poll vote poll:#3 alpha worth=4", "/poll results #3"));
        chat.say(":as carol", "/poll vote poll:#3 alpha worth=clear");
        // the signature's first character: its last one has bits Base64 decoding ignores, so changing
        // it can leave the signature valid (1 link in 16 failed this test)
        int signature = mine.lastIndexOf('.') + 1;
        String forged = mine.substring(0, signature)
                + (mine.charAt(signature) == 'A' ? 'B' : 'A')
                + mine.substring(signature + 1);

        // a forged link
        assertThat(open(forged)).isEqualTo(403);
        assertThat(heading()).isEqualTo("This link is not valid");
        assertThat(reason()).contains("For a new link, type /poll results in the poll's channel");

        // a valid link of a member who has no vote in an after-vote poll
        assertThat(open(carols)).isEqualTo(403);
        assertThat(reason()).contains("Vote first").contains("For a new link");
        assertThat(browser.findElements(By.id("ranking"))).isEmpty();

        // an expired link
        clock.advance(Duration.ofHours(24));
        try {
            assertThat(open(mine)).isEqualTo(403);
            assertThat(heading()).isEqualTo("This link has expired");
        } finally {
            clock.advance(Duration.ofHours(-24));
        }
        assertThat(open(mine)).isEqualTo(200);
    }

    /** Opens the URL and returns the status the browser received for the document. */
    private static int open(String url) {
        documentStatuses.clear();
        browser.get(url);
        try {
            int[] status = documentStatuses.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(status).as("a response for %s", url).isNotNull();
            return status[0];
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static List<String> texts(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream()
                .map(element -> element.getAttribute("textContent"))
                .toList();
    }

    private static String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private static String reason() {
        return browser.findElement(By.id("reason")).getText();
    }

    private static Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    /** What a screen reader announces: the text of the elements aria-labelledby names. */
    private static String accessibleName(WebElement element) {
        return (String) script(
                "return arguments[0].getAttribute('aria-labelledby').split(' ')"
                        + ".map(id => document.getElementById(id).textContent).join(' ')",
                element);
    }

    /** The page at desktop width (whole page) and on a phone (first screen), written to target/. */
    private static void screenshots() throws Exception {
        Path target = Path.of("target");
        Files.createDirectories(target);
        long height = (Long) script("return document.documentElement.scrollHeight");
        metrics(1280, (int) height, 1, false);
        Files.write(target.resolve("results-page-desktop.png"), browser.getScreenshotAs(OutputType.BYTES));
        metrics(390, 844, 2, true);
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than a phone's screen")
                .isEqualTo(true);
        Files.write(target.resolve("results-page-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertThat(script("return getComputedStyle(document.body).backgroundColor"))
                .isEqualTo("rgb(21, 23, 28)");
        Files.write(target.resolve("results-page-phone-dark.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private static void metrics(int width, int height, int scale, boolean mobile) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", scale, "mobile", mobile));
    }
}
