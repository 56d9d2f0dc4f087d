package dev.fieldpoll.web;

/** The document around every page fieldpoll serves: language, viewport, colour schemes, title, style sheet. */
final class PageShell {

    private PageShell() {}

    /** Writes everything up to and including {@code <main>}. */
    static void open(HtmlWriter html, String title) {
        html.doctype();
        html.open("html", "lang", "en");
        html.open("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.empty("meta", "name", "color-scheme", "content", "light dark");
        html.empty("meta", "name", "referrer", "content", "no-referrer");
        html.empty("meta", "name", "robots", "content", "noindex, nofollow");
        html.element("title", title);
        html.styleSheet(PageStyle.STANDARD);
        html.close("head");
        html.open("body");
        html.open("main");
    }

    static String close(HtmlWriter html) {
        html.close("main").close("body").close("html");
        return html.finish();
    }
}
