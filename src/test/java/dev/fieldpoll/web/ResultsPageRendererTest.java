package dev.fieldpoll.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.bot.PageReply;
import dev.fieldpoll.report.RoundReport;
import dev.fieldpoll.testing.Golden;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ResultsPageRendererTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant EXPIRES = Instant.parse("2026-11-28T10:00:00Z");

    private final ResultsPageRenderer renderer = ResultsPageRenderer.standard();

    private String render(PageReply.Page shown, Optional<String> downloads) {
        return renderer.render(new ResultsPage(shown, Optional.of(EXPIRES), downloads, PageFixtures.NOW, UTC));
    }

    @Test
    void an_admins_page_has_every_section_of_the_report() {
        // given an admin's page of a ten-voter poll with a reference
        String html = render(PageFixtures.page(true), Optional.of("TOKEN/"));

        // then it is exactly the reviewed page
        Golden.assertMatches("web/results-page.html", html);
        assertThat(html)
                .contains("<table id=\"ranking\">")
                .contains("<svg id=\"factor-map\"")
                .contains("<h2 id=\"splits-heading\">Where we split</h2>")
                .contains("<table id=\"reference\">")
                .contains("href=\"TOKEN/votes.csv\"")
                .contains("href=\"TOKEN/report.json\"")
                .contains("your link works until 2026-11-28 10:00 UTC")
                .doesNotContain("<script");
        // one histogram per cell, plus the map, each labelled by a title and a text description
        assertThat(count(html, "role=\"img\"")).isEqualTo(6 + 1);
        assertThat(count(html, "<title id=")).isEqualTo(6 + 1);
        assertThat(count(html, "<desc id=")).isEqualTo(6 + 1);
    }

    @Test
    void opinion_groups_show_common_ground_a_map_without_labels_and_what_separates_each_group() {
        String html = render(PageFixtures.campsPage(), Optional.empty());

        Golden.assertMatches("web/results-page-groups.html", html);
        String section = html.substring(html.indexOf("<section aria-labelledby=\"groups-heading\">"));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section)
                .contains("<h2 id=\"groups-heading\">Opinion groups</h2>")
                .contains("Common ground: every group ranks Mech Interp in its upper half")
                .contains("<svg id=\"group-map\"")
                .contains("<h3>Group A · 24 voters (60%)</h3>")
                .contains("<h3>Group B · 16 voters (40%)</h3>")
                .contains("<table id=\"separating-A\">")
                // member text in the separating cells is escaped like everywhere else
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Evals&quot; / Feedback quality")
                .doesNotContain("<script");
        String map = section.substring(section.indexOf("<svg id=\"group-map\""), section.indexOf("</svg>"));
        // one dot per ballot, and the only text on the map is the two group letters
        assertThat(count(map, "class=\"voter g")).isEqualTo(40);
        assertThat(count(map, "<text")).isEqualTo(2);
        assertThat(count(map, "class=\"centre g")).isEqualTo(2);
        // the common ground is named before the groups and their differences
        assertThat(section.indexOf("Common ground")).isLessThan(section.indexOf("Group A"));
    }

    @Test
    void below_the_threshold_the_groups_section_draws_no_voter() {
        String html = render(PageFixtures.page(false), Optional.empty());

        assertThat(html)
                .contains("<h2 id=\"groups-heading\">Opinion groups</h2>")
                .contains("Looked for once 30 members have answered at least half the cells (so far 10).")
                .doesNotContain("group-map")
                .doesNotContain("class=\"voter");
    }

    @Test
    void member_text_is_escaped_everywhere_it_appears() {
        String html = render(PageFixtures.page(false), Optional.empty());

        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("<b>incentive</b>")
                .doesNotContain("<first>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Evals&quot;")
                .contains("Economic &lt;b&gt;incentive&lt;/b&gt;")
                .contains("<title>Results: Which fields &lt;first&gt;? · fieldpoll</title>");
    }

    @Test
    void a_member_gets_no_downloads_and_the_ranking_reads_in_rank_order() {
        String html = render(PageFixtures.page(false), Optional.empty());

        assertThat(html).doesNotContain("votes.csv").doesNotContain("Downloads");
        Matcher rows = Pattern.compile("<tr data-field=\"([a-z-]+)\"><td class=\"num\">(\\d+)</td>")
                .matcher(html.substring(html.indexOf("<table id=\"ranking\">"), html.indexOf("</table>")));
        StringBuilder order = new StringBuilder();
        while (rows.find()) {
            order.append(rows.group(2)).append(':').append(rows.group(1)).append(' ');
        }
        assertThat(order.toString().strip()).isEqualTo("1:interp 2:evals 3:theory");
    }

    @Test
    void a_later_round_has_a_rounds_section_after_the_ranking_with_every_change_and_its_interval() {
        RoundReport rounds = new RoundReport(
                2,
                1,
                12,
                7,
                5,
                1,
                java.util.List.of(
                        new RoundReport.FieldChange("Interpretability", 3.40, 3.05, -0.52, -0.10, true),
                        new RoundReport.FieldChange(PageFixtures.HOSTILE, 2.90, 2.95, -0.10, 0.20, false)),
                java.util.List.of("Theory"),
                new RoundReport.Disagreement(6, 5, 1, 0.06, 0.02, 0.10, "narrowed"),
                3);
        PageReply.Page page =
                new PageReply.Page(PageFixtures.poll(), PageFixtures.report(10, 3), false, false, Optional.of(rounds));

        String html = render(page, Optional.empty());

        String section = html.substring(html.indexOf("<section aria-labelledby=\"rounds-heading\""));
        section = section.substring(0, section.indexOf("</section>") + "</section>".length());
        Golden.assertMatches("web/rounds-section.html", section + "\n");
        assertThat(html.indexOf("rounds-heading")).isGreaterThan(html.indexOf("<table id=\"ranking\">"));
        assertThat(section)
                .contains("Disagreement narrowed since round 1")
                .contains("Interpretability: 3.40 → 3.05, -0.35 (90% interval -0.52 to -0.10), changed")
                .doesNotContain("<script>");
        assertThat(render(PageFixtures.page(false), Optional.empty())).doesNotContain("rounds-heading");
    }

    @Test
    void with_fewer_voters_than_the_minimum_there_is_no_ranking_map_or_distribution() {
        PageReply.Page few = new PageReply.Page(PageFixtures.poll(), PageFixtures.report(2, 3), false, false);

        String html = render(few, Optional.empty());

        assertThat(html)
                .contains("Results appear once 3 members have voted (so far 2)")
                .doesNotContain("<table id=\"ranking\">")
                .doesNotContain("factor-map")
                .doesNotContain("role=\"img\"")
                .contains("fewer than 3 scores, so nothing is shown.");
    }

    @Test
    void a_public_page_says_so_and_names_no_one() {
        String html = renderer.renderShared(
                new PageReply.Page(PageFixtures.poll(), PageFixtures.report(10, 3), false, true),
                PageFixtures.NOW,
                UTC);

        assertThat(html)
                .contains("made its results page public")
                .doesNotContain("made for you")
                .doesNotContain("votes.csv");
    }

    @Test
    void the_content_security_policy_allows_exactly_the_page_style_sheet() throws Exception {
        String css = PageStyle.STANDARD.css();
        String hash = java.util.Base64.getEncoder()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(css.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(PageStyle.STANDARD.contentSecurityPolicy())
                .startsWith("default-src 'none'; style-src 'sha256-" + hash + "'")
                .doesNotContain("unsafe")
                .doesNotContain("script-src");
        assertThat(render(PageFixtures.page(false), Optional.empty())).contains("<style>" + css + "</style>");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
