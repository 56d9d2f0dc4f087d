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
    private final int labelFrom;
    private final int groupsFrom;
    private final ReportBuilder builder = new ReportBuilder();
    private final ReportCache cache;

    public ReportService(PollStore store, Clock clock, int minVoters, int labelFrom, int groupsFrom) {
        this(
                store,
                clock,
                minVoters,
                labelFrom,
                groupsFrom,
                new ReportCache(clock, ReportCache.DEFAULT_CAPACITY, ReportCache.DEFAULT_MAX_AGE));
    }

    public ReportService(
            PollStore store, Clock clock, int minVoters, int labelFrom, int groupsFrom, ReportCache cache) {
        this.store = store;
        this.clock = clock;
        this.minVoters = minVoters;
        this.labelFrom = labelFrom;
        this.groupsFrom = groupsFrom;
        this.cache = cache;
    }

    /** The poll's report, computed again only when a vote or its closing changed it since the last one. */
    public PollReport reportFor(Poll poll) {
        // the version is read before the answers, so a report kept under it holds every change that version counts
        ReportCache.Key key = new ReportCache.Key(
                store.dataVersion(poll.id()), poll.statusAt(clock.instant()).name());
        return cache.get(poll.id(), key, () -> builder.build(inputFor(poll)));
    }

    /**
     * One pass over the stored answers gives both the ballots and the counts. The report orders
     * ballots by content and seeds its bootstrap from the votes, so store order and ids do not matter.
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
        return new ReportInput(info, definition, table.counts(), table.matrix(), minVoters, labelFrom, groupsFrom);
    }
}
