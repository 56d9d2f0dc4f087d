package dev.fieldpoll.web;

import dev.fieldpoll.bot.PageReply;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A whole results page: the shell, then each section in order. Server-rendered HTML and inline
 * SVG that needs no script, no image and nothing from another site.
 */
public final class ResultsPageRenderer {

    /** Room for a 25-field poll without the builder growing. */
    private static final int CAPACITY = 96 * 1024;

    private final List<SectionRenderer> sections;

    ResultsPageRenderer(List<SectionRenderer> sections) {
        this.sections = List.copyOf(sections);
    }

    /** Every section today's report has, in reading order. */
    public static ResultsPageRenderer standard() {
        return new ResultsPageRenderer(List.of(
                new PageHeaderRenderer(),
                new RankingRenderer(),
                new RoundsRenderer(),
                new FactorMapRenderer(),
                new SplitsRenderer(),
                new GroupsRenderer(),
                new CellHistogramsRenderer(),
                new ReferenceTableRenderer(),
                new AgreementRenderer(),
                new DownloadsRenderer(),
                new PageFooterRenderer()));
    }

    /** The page as a public link shows it: no personal link, no downloads (benchmarks render this). */
    public String renderShared(PageReply.Page shown, Instant now, ZoneId zone) {
        return render(new ResultsPage(shown, Optional.empty(), Optional.empty(), now, zone));
    }

    String render(ResultsPage page) {
        HtmlWriter html = new HtmlWriter(CAPACITY);
        PageShell.open(html, "Results: " + page.report().poll().title() + " · fieldpoll");
        for (SectionRenderer section : sections) {
            section.render(page, html);
        }
        return PageShell.close(html);
    }
}
