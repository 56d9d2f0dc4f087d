package dev.fieldpoll.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.testing.Golden;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private final ReportBuilder builder = new ReportBuilder();

    private PollReport tenVoterReport() {
        return builder.build(ReportFixtures.input(ReportFixtures.tenVoters(), 3));
    }

    @Test
    void ranks_fields_by_shrunk_weighted_means_with_intervals() {
        PollReport report = tenVoterReport();

        assertThat(report.ranking()).extracting(RankingEntry::field).containsExactly("interp", "evals", "theory");
        RankingEntry first = report.ranking().get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.rankLow()).isEqualTo(1);
        assertThat(first.rankHigh()).isEqualTo(1);
        assertThat(first.tier()).isEqualTo(1);
        assertThat(report.ranking().get(2).tier()).isEqualTo(3);
        assertThat(first.score()).isBetween(3.5, 4.6);
    }

    @Test
    void the_split_cell_leads_the_highlights_as_polarized_and_dont_know_is_counted_apart() {
        PollReport report = tenVoterReport();

        assertThat(report.highlights().get(0).field()).isEqualTo("evals");
        assertThat(report.highlights().get(0).factor()).isEqualTo("feedback");
        assertThat(report.highlights().get(0).label()).isEqualTo("polarized");
        assertThat(report.highlights().get(0).consensus()).isEqualTo(0.0, within(1e-9));
        CellReport evalsIncentive = report.cells().stream()
                .filter(cell -> cell.field().equals("evals") && cell.factor().equals("incentive"))
                .findFirst()
                .orElseThrow();
        assertThat(evalsIncentive.n()).isEqualTo(9);
        assertThat(evalsIncentive.dontKnow()).isEqualTo(1);
    }

    @Test
    void compares_with_the_reference_scores() {
        PollReport report = tenVoterReport();

        assertThat(report.reference()).isNotNull();
        assertThat(report.reference().kendallTauB()).isEqualTo(1.0, within(1e-9));
        PollReport.ReferenceField interp = report.reference().fields().get(0);
        assertThat(interp.reference()).isEqualTo(4.5);
        assertThat(interp.community()).isEqualTo((4.8 + 4.0) / 2, within(1e-9));
        assertThat(interp.ciLow()).isLessThan(interp.difference());
        assertThat(interp.ciHigh()).isGreaterThan(interp.difference());
    }

    @Test
    void cells_under_the_minimum_of_voters_show_no_distribution() {
        Map<String, Map<CellKey, Answer>> ballots = new LinkedHashMap<>(ReportFixtures.tenVoters());
        ballots.values().forEach(ballot -> ballot.remove(new CellKey("theory", "incentive")));
        ballots.get("voter-0").put(new CellKey("theory", "incentive"), Answer.score(5));
        ballots.get("voter-1").put(new CellKey("theory", "incentive"), Answer.score(4));

        PollReport report = builder.build(ReportFixtures.input(ballots, 3));

        CellReport sparse = report.cells().stream()
                .filter(cell -> cell.field().equals("theory") && cell.factor().equals("incentive"))
                .findFirst()
                .orElseThrow();
        assertThat(sparse.n()).isEqualTo(2);
        assertThat(sparse.disclosed()).isFalse();
        assertThat(sparse.mean()).isNull();
        assertThat(sparse.histogram()).isNull();
        // the hidden factor is left out of the reference comparison too: feedback alone, mean 1.9
        assertThat(report.reference().fields().get(2).community()).isEqualTo(1.9, within(1e-9));
    }

    @Test
    void a_poll_with_fewer_voters_than_the_minimum_withholds_ranking_and_means() {
        Map<String, Map<CellKey, Answer>> two = new LinkedHashMap<>();
        two.put("a", ReportFixtures.tenVoters().get("voter-0"));
        two.put("b", ReportFixtures.tenVoters().get("voter-1"));

        PollReport report = builder.build(ReportFixtures.input(two, 3));

        assertThat(report.ranking()).isEmpty();
        assertThat(report.highlights()).isEmpty();
        assertThat(report.reference()).isNull();
        assertThat(report.cells())
                .allSatisfy(cell -> assertThat(cell.disclosed()).isFalse());
        assertThat(new TextReportRenderer().render(report))
                .contains("Results appear once 3 members have voted (so far 2)");
    }

    @Test
    void the_same_input_gives_the_same_report() {
        assertThat(tenVoterReport()).usingRecursiveComparison().isEqualTo(tenVoterReport());
    }

    @Test
    void renders_match_the_golden_files() {
        PollReport report = tenVoterReport();

        Golden.assertMatches("report/ten-voters.txt", new TextReportRenderer().render(report));
        Golden.assertMatches("report/ten-voters.md", new MarkdownReportRenderer().render(report));
        Golden.assertMatches("report/ten-voters.json", new JsonReportRenderer().render(report));
    }

    @Test
    void markdown_escapes_member_text() {
        assertThat(MarkdownReportRenderer.escape("**bold** _x_ [link](http://x)"))
                .isEqualTo("\\*\\*bold\\*\\* \\_x\\_ \\[link\\](http://x)");
    }
}
