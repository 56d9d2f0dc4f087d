package dev.fieldpoll.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Writes HTML with inline SVG in which every string is escaped by construction: text and attribute
 * values always pass through {@link #escape}; element and attribute names must be plain names and
 * are checked; the only raw markup is this package's constant style sheet. Elements are closed in
 * order or the writer throws, so a page cannot come out malformed.
 * Not thread-safe: one writer per page.
 */
final class HtmlWriter {

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9-]*");

    private final StringBuilder out;
    private final Deque<String> open = new ArrayDeque<>();

    HtmlWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** {@code <!DOCTYPE html>}, once at the start. */
    HtmlWriter doctype() {
        out.append("<!DOCTYPE html>\n");
        return this;
    }

    /** Opens an element; {@code attributes} are name, value pairs, and a null value leaves that attribute out. */
    HtmlWriter open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the element opened last, which must be {@code tag}. */
    HtmlWriter close(String tag) {
        String last = open.poll();
        if (!tag.equals(last)) {
            throw new IllegalStateException("closing <" + tag + "> but <" + last + "> is open");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Text, escaped. */
    HtmlWriter text(String text) {
        escape(text, out);
        return this;
    }

    /** An element holding only text. */
    HtmlWriter element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** An HTML void element ({@code <meta>}, {@code <br>}). */
    HtmlWriter empty(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        return this;
    }

    /** A childless SVG element, self-closed ({@code <rect … />}). */
    HtmlWriter shape(String tag, String... attributes) {
        start(tag, attributes);
        out.append("/>");
        return this;
    }

    /** Opens a page section labelled by its heading: {@code <section aria-labelledby="NAME-heading"><h2 …>}. */
    HtmlWriter section(String name, String heading, String... attributes) {
        String[] all = new String[attributes.length + 2];
        all[0] = "aria-labelledby";
        all[1] = name + "-heading";
        System.arraycopy(attributes, 0, all, 2, attributes.length);
        return open("section", all).element("h2", heading, "id", name + "-heading");
    }

    /** A table's column heading, and its class ({@code num} right-aligns numbers), or null. */
    record Column(String label, String cssClass) {}

    /** Opens a table that scrolls sideways on a narrow screen, with its caption and column headings, up to its body. */
    HtmlWriter table(String id, String caption, Column... columns) {
        open("div", "class", "scroll").open("table", "id", id).element("caption", caption);
        open("thead").open("tr");
        for (Column column : columns) {
            element("th", column.label(), "scope", "col", "class", column.cssClass());
        }
        return close("tr").close("thead").open("tbody");
    }

    /** Closes what {@link #table} opened. */
    HtmlWriter endTable() {
        return close("tbody").close("table").close("div");
    }

    /** The page's own style sheet: a constant of this package, the one piece written unescaped. */
    HtmlWriter styleSheet(PageStyle style) {
        out.append("<style>").append(style.css()).append("</style>");
        return this;
    }

    /** The finished document; every element must be closed. */
    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("<" + open.peek() + "> was never closed");
        }
        return out.toString();
    }

    private void start(String tag, String[] attributes) {
        requireName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            String value = attributes[i + 1];
            if (value != null) {
                out.append(' ').append(requireName(attributes[i])).append("=\"");
                escape(value, out);
                out.append('"');
            }
        }
    }

    /** Plain names only; never an event handler ({@code on…}) or a style attribute, which the page's CSP forbids. */
    private static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith("on") || name.equals("style")) {
            throw new IllegalArgumentException("not an element or attribute name this page uses: " + name);
        }
        return name;
    }

    /** Escapes the five characters that can end text or an attribute value; safe in both. */
    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
