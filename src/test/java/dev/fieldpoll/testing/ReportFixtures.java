package dev.fieldpoll.testing;

import dev.fieldpoll.app.TemplateLoader;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.report.BallotTable;
import dev.fieldpoll.report.ChartRenderer;
import dev.fieldpoll.report.GroupChartRenderer;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.report.ReportBuilder;
import dev.fieldpoll.report.ReportInput;
import dev.fieldpoll.report.RoundReport;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.PollSummary.Chart;
import dev.fieldpoll.summary.PollSummary.FieldMove;
import dev.fieldpoll.summary.PollSummary.Participation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small, hand-made polls whose reports tests can reason about, for the report and every adapter. */
public final class ReportFixtures {

    /** The built-in AI-safety template's poll (10 fields x 2 factors), as `/poll create` makes it by default. */
    public static PollDefinition aiSafetyTemplate() {
        return new TemplateLoader()
                .loadAll(Path.of("no-such-folder")).stream()
                        .filter(template -> template.key().equals("ai-safety-automation"))
                        .findFirst()
                        .orElseThrow()
                        .definition();
    }

    public static final PollDefinition DEFINITION = new PollDefinition(
            Scale.ONE_TO_FIVE,
            List.of(
                    new Field("interp", "Mech Interp", ""),
                    new Field("evals", "Evals", ""),
                    new Field("theory", "Agent Foundations", "")),
            List.of(
                    new Factor("feedback", "Feedback quality", null, null, null, 1),
                    new Factor("incentive", "Economic incentive", null, null, null, 1)),
            Map.of(
                    new CellKey("interp", "feedback"),
                    5.0,
                    new CellKey("interp", "incentive"),
                    4.0,
                    new CellKey("evals", "feedback"),
                    2.0,
                    new CellKey("evals", "incentive"),
                    4.0,
                    new CellKey("theory", "feedback"),
                    1.0,
                    new CellKey("theory", "incentive"),
                    1.0));

    public static final CellKey THEORY_INCENTIVE = new CellKey("theory", "incentive");

    private ReportFixtures() {}

    /**
     * Ten voters: interp high and agreed, evals feedback split into camps of 1s and 5s,
     * theory low; voter 9 says "don't know" on evals incentive.
     */
    public static Map<String, Map<CellKey, Answer>> tenVoters() {
        Map<String, Map<CellKey, Answer>> ballots = new LinkedHashMap<>();
        for (int voter = 0; voter < 10; voter++) {
            Map<CellKey, Answer> ballot = new LinkedHashMap<>();
            ballot.put(new CellKey("interp", "feedback"), Answer.score(voter < 8 ? 5 : 4));
            ballot.put(new CellKey("interp", "incentive"), Answer.score(4));
            ballot.put(new CellKey("evals", "feedback"), Answer.score(voter % 2 == 0 ? 1 : 5));
            ballot.put(new CellKey("evals", "incentive"), voter == 9 ? Answer.DONT_KNOW : Answer.score(3 + voter % 2));
            ballot.put(new CellKey("theory", "feedback"), Answer.score(1 + voter % 3));
            ballot.put(THEORY_INCENTIVE, Answer.score(voter < 5 ? 1 : 2));
            ballots.put("voter-" + voter, ballot);
        }
        return ballots;
    }

    /**
     * Forty voters in two camps: 24 rate Evals high and Agent Foundations low, 16 the other way
     * round; both rate Mech Interp highest. One of the 16 says "don't know" on Agent Foundations'
     * incentive. Enough ballots for opinion groups (30).
     */
    public static Map<String, Map<CellKey, Answer>> twoCamps() {
        return twoCamps(24, 16);
    }

    /** The two camps of {@link #twoCamps()} with other sizes: the same ballots, repeating. */
    public static Map<String, Map<CellKey, Answer>> twoCamps(int campA, int campB) {
        Map<String, Map<CellKey, Answer>> ballots = new LinkedHashMap<>();
        for (int a = 0; a < campA; a++) {
            ballots.put(
                    "camp-a-" + a,
                    ballot(
                            a % 2 == 0 ? 5 : 4,
                            a % 3 == 0 ? 5 : 4,
                            a % 4 != 0 ? 5 : 4,
                            a % 2 == 0 ? 4 : 3,
                            a % 3 != 0 ? 1 : 2,
                            a % 2 == 0 ? 2 : 1));
        }
        for (int b = 0; b < campB; b++) {
            ballots.put(
                    "camp-b-" + b,
                    ballot(
                            b % 2 == 0 ? 4 : 5,
                            4,
                            b % 2 == 0 ? 1 : 2,
                            b % 3 == 0 ? 2 : 1,
                            b % 2 == 0 ? 4 : 3,
                            b == 15 ? 0 : b % 4 != 0 ? 4 : 3));
        }
        return ballots;
    }

    /**
     * The opinion groups of the largest poll members can make, for limit tests: 25 fields × 5
     * factors named with 80 characters of Markdown, 120 voters in four groups that differ on
     * nearly every cell (so every list is as long as it gets).
     */
    public static PollReport.Groups largestGroups() {
        List<Field> fields = new java.util.ArrayList<>();
        for (int field = 0; field < 25; field++) {
            fields.add(new Field("field-" + field, longName("f", field), ""));
        }
        List<Factor> factors = new java.util.ArrayList<>();
        for (int factor = 0; factor < 5; factor++) {
            factors.add(new Factor("factor-" + factor, longName("g", factor), null, null, null, 1));
        }
        PollDefinition definition = new PollDefinition(Scale.ONE_TO_FIVE, fields, factors, Map.of());
        java.util.Random random = new java.util.Random(4);
        List<Map<CellKey, Answer>> ballots = new java.util.ArrayList<>();
        for (int voter = 0; voter < 120; voter++) {
            Map<CellKey, Answer> ballot = new LinkedHashMap<>();
            List<CellKey> cells = definition.cells();
            for (int cell = 0; cell < cells.size(); cell++) {
                int centre = cell % 4 == voter % 4 ? 5 : 1 + (cell + voter % 4) % 3;
                ballot.put(cells.get(cell), Answer.score(Math.max(1, Math.min(5, centre + random.nextInt(3) - 1))));
            }
            ballots.add(ballot);
        }
        BallotTable table = BallotTable.of(definition, ballots);
        PollInfo info = new PollInfo(9, "largest", "open", ballots.size(), table.completeBallots(), 1, 5);
        return new ReportBuilder()
                .build(new ReportInput(info, definition, table.counts(), table.matrix(), 3, 10))
                .opinionGroups();
    }

    /** An 80-character name full of Markdown, so escaping doubles it. */
    public static String longName(String prefix, int i) {
        return (prefix + i + "_*".repeat(40)).substring(0, 80);
    }

    /** Eighty voters of one crowd: each cell around its own mean with noise, no camps. */
    public static Map<String, Map<CellKey, Answer>> oneCrowd() {
        java.util.Random random = new java.util.Random(3);
        Map<String, Map<CellKey, Answer>> ballots = new LinkedHashMap<>();
        List<CellKey> cells = DEFINITION.cells();
        for (int voter = 0; voter < 80; voter++) {
            Map<CellKey, Answer> ballot = new LinkedHashMap<>();
            for (int cell = 0; cell < cells.size(); cell++) {
                long score = Math.round(3 + 0.4 * (cell % 3 - 1) + 0.9 * random.nextGaussian());
                ballot.put(cells.get(cell), Answer.score((int) Math.max(1, Math.min(5, score))));
            }
            ballots.put("v" + voter, ballot);
        }
        return ballots;
    }

    /** A ballot of the six cells in template order; 0 = "don't know". */
    private static Map<CellKey, Answer> ballot(int... scores) {
        Map<CellKey, Answer> ballot = new LinkedHashMap<>();
        List<CellKey> cells = DEFINITION.cells();
        for (int cell = 0; cell < cells.size(); cell++) {
            ballot.put(cells.get(cell), scores[cell] == 0 ? Answer.DONT_KNOW : Answer.score(scores[cell]));
        }
        return ballot;
    }

    /** The ten voters, but Agent Foundations' incentive answered by voter 0 alone, with {@code lone}. */
    public static Map<String, Map<CellKey, Answer>> loneAnswer(Answer lone) {
        Map<String, Map<CellKey, Answer>> ballots = tenVoters();
        ballots.values().forEach(ballot -> ballot.remove(THEORY_INCENTIVE));
        ballots.get("voter-0").put(THEORY_INCENTIVE, lone);
        return ballots;
    }

    public static ReportInput input(Map<String, Map<CellKey, Answer>> ballots, int minVoters) {
        return input(ballots.values(), minVoters);
    }

    public static ReportInput input(Collection<Map<CellKey, Answer>> ballots, int minVoters) {
        BallotTable table = BallotTable.of(DEFINITION, ballots);
        PollInfo info = new PollInfo(
                7, "Which fields get automated first?", "open", ballots.size(), table.completeBallots(), 1, 5);
        return new ReportInput(info, DEFINITION, table.counts(), table.matrix(), minVoters, 10);
    }

    public static PollReport report(Map<String, Map<CellKey, Answer>> ballots) {
        return new ReportBuilder().build(input(ballots, 3));
    }

    /** Reports of the ten voters whose only difference is the lone answer of a cell below the minimum. */
    public static List<PollReport> loneAnswerVariants() {
        return List.of(
                report(loneAnswer(Answer.score(1))),
                report(loneAnswer(Answer.score(5))),
                report(loneAnswer(Answer.DONT_KNOW)));
    }

    /** A weekly summary of one report as a first summary shows it: every field new, charts drawn. */
    public static PollSummary summaryOf(PollReport report) {
        List<FieldMove> moves = report.ranking().stream()
                .map(entry -> new FieldMove(
                        entry.rank(), entry.field(), entry.name(), null, entry.rankLow(), entry.rankHigh()))
                .toList();
        LocalDate date = LocalDate.of(2026, 11, 27);
        byte[] png = new ChartRenderer().render(report, date).orElse(new byte[0]);
        byte[] groups = new GroupChartRenderer().render(report, date).orElse(new byte[0]);
        return new PollSummary(
                report,
                moves,
                List.of(),
                List.of(),
                new Participation(
                        report.poll().voters(),
                        report.poll().voters(),
                        report.poll().completeBallots()),
                new Chart("poll-7.png", png),
                new Chart("poll-7-groups.png", groups),
                Map.of(),
                List.of(),
                Optional.empty());
    }

    /**
     * The longest round report members can cause: round 2 of a 25-field poll, every field compared
     * and named with 80 characters of Markdown, ten more not compared.
     */
    public static RoundReport largestRounds() {
        List<RoundReport.FieldChange> fields = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        for (int field = 0; field < 25; field++) {
            fields.add(new RoundReport.FieldChange(longName("f", field), 3.43, 3.89, 0.12, 0.81, field % 2 == 0));
        }
        for (int field = 25; field < 35; field++) {
            notCompared.add(longName("f", field));
        }
        return new RoundReport(
                2,
                12_344,
                12_000,
                6_000,
                4_000,
                1_500,
                fields,
                notCompared,
                new RoundReport.Disagreement(125, 80, 40, 0.05, 0.02, 0.08, "narrowed"),
                3);
    }

    /** The same summary of a later round, with its round report. */
    public static PollSummary withRounds(PollSummary summary, RoundReport rounds) {
        return new PollSummary(
                summary.report(),
                summary.ranking(),
                summary.biggestMovers(),
                summary.newlySplit(),
                summary.participation(),
                summary.chart(),
                summary.groupChart(),
                summary.cellStates(),
                summary.edits(),
                Optional.of(rounds));
    }
}
