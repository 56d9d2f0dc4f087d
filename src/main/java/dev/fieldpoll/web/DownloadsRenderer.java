package dev.fieldpoll.web;

/** For admins: the votes (pseudonymous voters, the CSV {@code fieldpoll analyze} reads) and the report as JSON. */
final class DownloadsRenderer implements SectionRenderer {

    static final String VOTES_FILE = "votes.csv";
    static final String REPORT_FILE = "report.json";

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        if (page.downloads().isEmpty()) {
            return;
        }
        String base = page.downloads().get();
        html.section("downloads", "Downloads (admins)", "class", "downloads");
        html.open("p");
        html.element(
                "a",
                "Votes (CSV)",
                "href",
                base + VOTES_FILE,
                "download",
                "poll-" + page.poll().id() + "-votes.csv");
        html.element(
                "a",
                "Report (JSON)",
                "href",
                base + REPORT_FILE,
                "download",
                "poll-" + page.poll().id() + "-report.json");
        html.close("p");
        html.element(
                "p",
                "Voters appear as pseudonyms that stay the same within this poll and cannot be traced back "
                        + "without the bot's database. `fieldpoll analyze --votes` reads the CSV.",
                "class",
                "meta");
        html.close("section");
    }
}
