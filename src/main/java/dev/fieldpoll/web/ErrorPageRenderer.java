package dev.fieldpoll.web;

/** The plain page for a link that cannot be shown: a heading and a sentence or two on what to do. */
final class ErrorPageRenderer {

    String render(String heading, String message) {
        HtmlWriter html = new HtmlWriter(4096);
        PageShell.open(html, heading + " · fieldpoll");
        html.element("p", "fieldpoll results page", "class", "kicker");
        html.element("h1", heading);
        html.element("p", message, "id", "reason");
        return PageShell.close(html);
    }
}
