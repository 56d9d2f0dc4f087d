package dev.fieldpoll.web;

import dev.fieldpoll.bot.PageReply;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.report.BallotTable;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.report.ReportBuilder;
import dev.fieldpoll.report.ReportInput;
import dev.fieldpoll.testing.ReportFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small poll for page tests: three fields (one named like an attack), two factors, reference scores, ten voters. */
final class PageFixtures {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String HOSTILE = "<script>alert('x')</script> & \"Evals\"";

    static final PollDefinition DEFINITION = new PollDefinition(
            Scale.ONE_TO_FIVE,
            List.of(
                    new Field("interp", "Mech Interp", ""),
                    new Field("evals", HOSTILE, ""),
                    new Field("theory", "Agent Foundations", "")),
            List.of(
                    new Factor("feedback", "Feedback quality", null, null, null, 1),
                    new Factor("incentive", "Economic <b>incentive</b>", null, null, null, 1)),
            Map.of(
                    new CellKey("interp", "feedback"), 5.0,
                    new CellKey("interp", "incentive"), 4.0,
                    new CellKey("evals", "feedback"), 2.0,
                    new CellKey("evals", "incentive"), 4.0,
                    new CellKey("theory", "feedback"), 1.0,
                    new CellKey("theory", "incentive"), 1.0));

    private PageFixtures() {}

    static Poll poll() {
        return new Poll(
                7,
                new Workspace(Platform.CONSOLE, "local"),
                "local",
                "Which fields <first>?",
                null,
                DEFINITION,
                ResultsVisibility.AFTER_VOTE,
                "you",
                NOW.minusSeconds(3600),
                NOW.plusSeconds(3 * 86_400),
                null);
    }

    /** The report fixture's ballots (interp agreed, the hostile field split into camps, theory low), the first {@code voters}. */
    static PollReport report(int voters, int minVoters) {
        List<Map<CellKey, Answer>> ballots =
                ReportFixtures.tenVoters().values().stream().limit(voters).toList();
        BallotTable table = BallotTable.of(DEFINITION, ballots);
        PollInfo info = new PollInfo(7, poll().title(), "open", voters, table.completeBallots(), 1, 5);
        return new ReportBuilder()
                .build(new ReportInput(info, DEFINITION, table.counts(), table.matrix(), minVoters, 7));
    }

    /** The report fixture's two camps (40 voters): enough ballots for opinion groups, with the hostile names. */
    static PageReply.Page campsPage() {
        List<Map<CellKey, Answer>> ballots =
                List.copyOf(ReportFixtures.twoCamps().values());
        BallotTable table = BallotTable.of(DEFINITION, ballots);
        PollInfo info = new PollInfo(7, poll().title(), "open", ballots.size(), table.completeBallots(), 1, 5);
        PollReport report =
                new ReportBuilder().build(new ReportInput(info, DEFINITION, table.counts(), table.matrix(), 3, 7));
        return new PageReply.Page(poll(), report, false, false);
    }

    static PageReply.Page page(boolean admin) {
        return new PageReply.Page(poll(), report(10, 3), admin, false);
    }
}
