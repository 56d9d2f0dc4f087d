package dev.fieldpoll.report;

import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.PollStore;
import dev.fieldpoll.report.PollReport.PollInfo;
import java.time.Clock;
import java.util.Locale;

/** Reports on stored polls: reads counts and ballots from the store, then builds the report. */
public final class ReportService {

    private final PollStore store;
    private final Clock clock;
    private final int minVoters;
    private final ReportBuilder builder = new ReportBuilder();

    public ReportService(PollStore store, Clock clock, int minVoters) {
        this.store = store;
        this.clock = clock;
        this.minVoters = minVoters;
    }

    public PollReport reportFor(Poll poll) {
        return builder.build(inputFor(poll));
    }

    /**
     * One pass over the stored answers gives both the ballots and the counts. The bootstrap is
     * seeded by the poll id, so the same votes always give the same report.
     */
    public ReportInput inputFor(Poll poll) {
        PollDefinition definition = poll.definition();
        BallotTable table = new BallotTable(definition);
        String[] lastVoter = {null};
        int[] row = {-1};
        store.forEachAnswer(poll.id(), (voterId, cell, answer) -> {
            if (!voterId.equals(lastVoter[0])) {
                lastVoter[0] = voterId;
                row[0] = table.addVoter();
            }
            table.add(row[0], cell, answer);
        });
        PollInfo info = new PollInfo(
                poll.id(),
                poll.title(),
                poll.statusAt(clock.instant()).name().toLowerCase(Locale.ROOT),
                table.voters(),
                table.completeBallots(),
                definition.scale().min(),
                definition.scale().max(),
                definition.higher());
        return new ReportInput(info, definition, table.counts(), table.matrix(), minVoters, poll.id());
    }
}
