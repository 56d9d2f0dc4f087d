package dev.fieldpoll.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.tally.KendallTau;
import dev.fieldpoll.testing.Golden;
import dev.fieldpoll.testing.ReportFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private final ReportBuilder builder = new ReportBuilder();

    private PollReport tenVoterReport() {
        return ReportFixtures.report(ReportFixtures.tenVoters());
    }

    @Test
    void ranks_fields_by_one_score_with_score_and_rank_intervals() {
        PollReport report = tenVoterReport();

        assertThat(report.ranking()).extracting(RankingEntry::field).containsExactly("interp", "evals", "theory");
        RankingEntry first = report.ranking().get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.rankLow()).isEqualTo(1);
        assertThat(first.rankHigh()).isEqualTo(1);
        assertThat(first.tier()).isEqualTo(1);
        assertThat(first.scoreLow()).isLessThanOrEqualTo(first.score());
        assertThat(first.scoreHigh()).isGreaterThanOrEqualTo(first.score());
        // the score is the mean of the factor estimates the chart and tiers use
        double mean = first.estimates().stream()
                .mapToDouble(PollReport.FactorEstimate::estimate)
                .average()
                .orElseThrow();
        assertThat(first.score()).isCloseTo(mean, within(1e-12));
        assertThat(report.ranking().get(2).tier()).isEqualTo(3);
        assertThat(report.notRanked()).isEmpty();
    }

    @Test
    void the_split_cell_is_polarized_on_evidence_and_dont_know_is_counted_apart() {
        PollReport report = tenVoterReport();

        assertThat(report.highlights()).hasSize(1);
        PollReport.Highlight split = report.highlights().get(0);
        assertThat(split.field()).isEqualTo("evals");
        assertThat(split.factor()).isEqualTo("feedback");
        assertThat(split.label()).isEqualTo("polarized");
        assertThat(split.agreementA().value()).isEqualTo(-1.0, within(1e-9));
        assertThat(split.agreementA().high()).isLessThan(0.0);
        CellReport evalsIncentive = cell(report, "evals", "incentive");
        assertThat(evalsIncentive.n()).isEqualTo(9);
        assertThat(evalsIncentive.dontKnow()).isEqualTo(1);
        assertThat(evalsIncentive.label()).isEqualTo("too-few"); // 9 scores: labels start at 10
    }

    @Test
    void every_reference_row_is_the_ranking_score_minus_the_reference() {
        PollReport report = tenVoterReport();

        for (ReferenceField row : report.reference().fields()) {
            RankingEntry entry = report.ranking().stream()
                    .filter(candidate -> candidate.field().equals(row.field()))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.community()).isEqualTo(entry.score());
            assertThat(row.difference()).isEqualTo(row.community() - row.reference());
        }
        assertThat(report.reference().fields().get(0).reference()).isEqualTo(4.5);
        // τ_b can be recomputed from the table printed under it
        double[] community = report.reference().fields().stream()
                .mapToDouble(ReferenceField::community)
                .toArray();
        double[] reference = report.reference().fields().stream()
                .mapToDouble(ReferenceField::reference)
                .toArray();
        assertThat(report.reference().kendallTauB()).isEqualTo(KendallTau.tauB(community, reference));
    }

    @Test
    void a_cell_under_the_minimum_shows_nothing_and_its_field_is_not_ranked() {
        PollReport report = ReportFixtures.report(ReportFixtures.loneAnswer(Answer.score(5)));

        CellReport sparse = cell(report, "theory", "incentive");
        assertThat(sparse.eligible()).isFalse();
        assertThat(sparse.n()).isNull();
        assertThat(sparse.dontKnow()).isNull();
        assertThat(sparse.mean()).isNull();
        assertThat(sparse.histogram()).isNull();
        assertThat(report.ranking()).extracting(RankingEntry::field).containsExactly("interp", "evals");
        assertThat(report.notRanked()).singleElement().satisfies(field -> {
            assertThat(field.field()).isEqualTo("theory");
            assertThat(field.factorsCounted()).isEqualTo(1);
        });
        assertThat(new TextReportRenderer().render(report))
                .containsPattern("Agent Foundations / incentive +fewer than 3 answers")
                .contains("Agent Foundations: 1 of 2 factors have 3 scores");
    }

    @Test
    void changing_a_lone_vote_below_the_minimum_changes_no_byte_of_any_rendering() {
        List<PollReport> variants = List.of(
                ReportFixtures.report(ReportFixtures.loneAnswer(Answer.score(1))),
                ReportFixtures.report(ReportFixtures.loneAnswer(Answer.score(5))),
                ReportFixtures.report(ReportFixtures.loneAnswer(Answer.DONT_KNOW)));

        for (PollReport variant : variants.subList(1, variants.size())) {
            assertThat(renderings(variant)).isEqualTo(renderings(variants.get(0)));
        }
        // the comparison sees a change when there is one: one more eligible vote changes the report
        Map<String, Map<CellKey, Answer>> changed = ReportFixtures.loneAnswer(Answer.score(1));
        changed.get("voter-3").put(new CellKey("interp", "feedback"), Answer.score(1));
        assertThat(renderings(ReportFixtures.report(changed))).isNotEqualTo(renderings(variants.get(0)));
    }

    private static List<String> renderings(PollReport report) {
        List<String> renderings = new ArrayList<>();
        renderings.add(new TextReportRenderer().render(report));
        renderings.add(new MarkdownReportRenderer().render(report));
        renderings.add(new JsonReportRenderer().render(report));
        renderings.add(java.util.Base64.getEncoder()
                .encodeToString(new ChartRenderer()
                        .render(report, LocalDate.of(2026, 11, 27))
                        .orElseThrow()));
        return renderings;
    }

    @Test
    void a_poll_with_fewer_voters_than_the_minimum_shows_no_numbers() {
        Map<String, Map<CellKey, Answer>> two = new LinkedHashMap<>();
        two.put("a", ReportFixtures.tenVoters().get("voter-0"));
        two.put("b", ReportFixtures.tenVoters().get("voter-1"));

        PollReport report = builder.build(ReportFixtures.input(two, 3));

        assertThat(report.ranking()).isEmpty();
        assertThat(report.highlights()).isEmpty();
        assertThat(report.reference()).isNull();
        assertThat(report.cells())
                .allSatisfy(cell -> assertThat(cell.eligible()).isFalse());
        assertThat(new TextReportRenderer().render(report))
                .contains("Results appear once 3 members have voted (so far 2)");
    }

    @Test
    void the_same_votes_in_any_order_under_any_names_give_the_same_report() {
        List<Map<CellKey, Answer>> ballots =
                new ArrayList<>(randomBallots(40, 3).values());
        PollReport original = builder.build(ReportFixtures.input(ballots, 3));
        Collections.shuffle(ballots, new Random(4));
        Map<String, Map<CellKey, Answer>> renamed = new LinkedHashMap<>();
        for (int voter = 0; voter < ballots.size(); voter++) {
            renamed.put("someone-else-" + voter, ballots.get(voter));
        }

        PollReport shuffled = builder.build(ReportFixtures.input(renamed, 3));

        assertThat(new JsonReportRenderer().render(shuffled)).isEqualTo(new JsonReportRenderer().render(original));
    }

    @Test
    void notable_dont_know_shares_are_shown_beside_the_field() {
        Map<String, Map<CellKey, Answer>> ballots = ReportFixtures.tenVoters();
        for (int voter = 0; voter < 4; voter++) {
            ballots.get("voter-" + voter).put(new CellKey("interp", "incentive"), Answer.DONT_KNOW);
        }

        PollReport report = ReportFixtures.report(ballots);

        RankingEntry interp = report.ranking().get(0);
        assertThat(interp.dontKnowShare()).isCloseTo(4 / 20.0, within(1e-12));
        assertThat(interp.notableDontKnow()).isTrue();
        assertThat(new TextReportRenderer().render(report)).contains("(20% don't know)");
        assertThat(report.ranking().get(1).notableDontKnow()).isFalse();
    }

    @Test
    void the_report_names_fields_the_voter_adjustment_moved() {
        // lenient members (4s and 5s) scored Mech Interp, harsh ones (1s and 2s) Evals, everyone Agent Foundations
        Random random = new Random(12);
        Map<String, Map<CellKey, Answer>> ballots = new LinkedHashMap<>();
        for (int voter = 0; voter < 40; voter++) {
            boolean lenient = voter % 2 == 0;
            Map<CellKey, Answer> ballot = new LinkedHashMap<>();
            for (CellKey cell : ReportFixtures.DEFINITION.cells()) {
                boolean scores = cell.field().equals("theory")
                        || cell.field().equals(lenient ? "interp" : "evals")
                        || random.nextInt(5) == 0;
                if (scores) {
                    ballot.put(cell, Answer.score((lenient ? 4 : 1) + random.nextInt(2)));
                }
            }
            ballots.put("v" + voter, ballot);
        }

        PollReport report = ReportFixtures.report(ballots);

        assertThat(report.adjustedFields()).extracting(RankingEntry::field).contains("interp", "evals");
        RankingEntry interp = report.ranking().stream()
                .filter(entry -> entry.field().equals("interp"))
                .findFirst()
                .orElseThrow();
        assertThat(interp.severityShift()).isLessThan(-0.1);
        assertThat(new TextReportRenderer().render(report)).contains("Adjusted for harsh and lenient voters");
        assertThat(report.method().offsetShrinkage()).isNotNull();
    }

    @Test
    void renders_match_the_golden_files() {
        PollReport report = tenVoterReport();

        Golden.assertMatches("report/ten-voters.txt", new TextReportRenderer().render(report));
        Golden.assertMatches("report/ten-voters.md", new MarkdownReportRenderer().render(report));
        Golden.assertMatches("report/ten-voters.json", new JsonReportRenderer().render(report));
        PollReport lone = ReportFixtures.report(ReportFixtures.loneAnswer(Answer.score(5)));
        Golden.assertMatches("report/lone-answer.txt", new TextReportRenderer().render(lone));
    }

    @Test
    void markdown_escapes_member_text() {
        assertThat(MarkdownReportRenderer.escape("**bold** _x_ [link](http://x)"))
                .isEqualTo("\\*\\*bold\\*\\* \\_x\\_ \\[link\\](http://x)");
    }

    private static CellReport cell(PollReport report, String field, String factor) {
        return report.cells().stream()
                .filter(cell -> cell.field().equals(field) && cell.factor().equals(factor))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Map<CellKey, Answer>> randomBallots(int voters, long seed) {
        Random random = new Random(seed);
        Map<String, Map<CellKey, Answer>> ballots = new LinkedHashMap<>();
        for (int voter = 0; voter < voters; voter++) {
            Map<CellKey, Answer> ballot = new LinkedHashMap<>();
            for (CellKey cell : ReportFixtures.DEFINITION.cells()) {
                int roll = random.nextInt(12);
                if (roll < 10) {
                    ballot.put(cell, Answer.score(1 + (roll + cell.field().length()) % 5));
                } else if (roll == 10) {
                    ballot.put(cell, Answer.DONT_KNOW);
                }
            }
            ballots.put("v" + voter, ballot);
        }
        return ballots;
    }
}
