package dev.fieldpoll.report;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.PollStore;
import dev.fieldpoll.poll.RoundLink;
import dev.fieldpoll.poll.RoundService;
import dev.fieldpoll.tally.AnalysisSettings;
import dev.fieldpoll.tally.RoundComparison;
import dev.fieldpoll.tally.VoteMatrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The round report of a poll that is round 2 or later: reads both rounds' answers, pairs members who
 * answered both, and compares them ({@link RoundComparison}). Kept per poll until either round's
 * answers or status change. Thread-safe: its cache is a concurrent map of immutable entries.
 */
public final class RoundReportService {

    private static final int CAPACITY = 64;

    private final PollStore store;
    private final RoundService rounds;
    private final java.time.Clock clock;
    private final int minVoters;
    private final int labelFrom;
    private final int resamples;
    private final Map<Long, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(String key, Optional<RoundReport> report) {}

    public RoundReportService(
            PollStore store, RoundService rounds, java.time.Clock clock, int minVoters, int labelFrom, int resamples) {
        this.store = store;
        this.rounds = rounds;
        this.clock = clock;
        this.minVoters = minVoters;
        this.labelFrom = labelFrom;
        this.resamples = resamples;
    }

    /** The changes since the previous round; empty for a first round. */
    public Optional<RoundReport> reportFor(Poll poll) {
        Optional<RoundLink> link = rounds.link(poll.id());
        Optional<Poll> previous = link.flatMap(found -> rounds.previous(poll));
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        String key = store.dataVersion(poll.id()) + "/"
                + store.dataVersion(previous.get().id()) + "/" + poll.statusAt(clock.instant());
        Entry kept = cache.get(poll.id());
        if (kept != null && kept.key().equals(key)) {
            return kept.report();
        }
        Optional<RoundReport> report =
                Optional.of(build(poll, previous.get(), link.get().round()));
        if (cache.size() >= CAPACITY) {
            cache.clear();
        }
        cache.put(poll.id(), new Entry(key, report));
        return report;
    }

    /** The previous round's view of each cell (median and middle half), for the next round's ballot. */
    public Map<CellKey, RoundComparison.CellView> previousViews(Poll previous) {
        PollDefinition definition = previous.definition();
        VoteMatrix all = BallotTable.of(definition, ballots(previous).values()).matrix();
        RoundComparison.CellView[] views = RoundComparison.views(
                all, definition.scale().min(), definition.scale().points(), minVoters);
        Map<CellKey, RoundComparison.CellView> byCell = new LinkedHashMap<>();
        for (int cell = 0; cell < views.length; cell++) {
            if (views[cell] != null) {
                byCell.put(cellKey(definition, cell), views[cell]);
            }
        }
        return byCell;
    }

    private RoundReport build(Poll poll, Poll previous, int round) {
        PollDefinition definition = poll.definition();
        Map<String, Map<CellKey, Answer>> before = ballots(previous);
        Map<String, Map<CellKey, Answer>> after = ballots(poll);
        List<Map<CellKey, Answer>> pairedBefore = new ArrayList<>();
        List<Map<CellKey, Answer>> pairedAfter = new ArrayList<>();
        before.forEach((voter, ballot) -> {
            if (after.containsKey(voter)) {
                pairedBefore.add(ballot);
                pairedAfter.add(after.get(voter));
            }
        });
        double[] weights =
                definition.factors().stream().mapToDouble(Factor::weight).toArray();
        AnalysisSettings settings = new AnalysisSettings(
                definition.scale().min(), definition.scale().points(), weights, minVoters, labelFrom, resamples);
        RoundComparison.Result result = RoundComparison.compare(
                BallotTable.of(definition, before.values()).matrix(),
                BallotTable.of(definition, pairedBefore).matrix(),
                BallotTable.of(definition, pairedAfter).matrix(),
                settings);
        List<RoundReport.FieldChange> fields = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        for (int field = 0; field < definition.fields().size(); field++) {
            RoundComparison.FieldChange change = result.fieldChanges()[field];
            String name = definition.fields().get(field).name();
            if (change == null) {
                notCompared.add(name);
            } else {
                fields.add(new RoundReport.FieldChange(
                        name, change.before(), change.after(), change.low(), change.high(), change.real()));
            }
        }
        return new RoundReport(
                round,
                previous.id(),
                result.pairedMembers(),
                result.changedMembers(),
                result.towardMembers(),
                result.awayMembers(),
                fields,
                notCompared,
                disagreement(result),
                minVoters);
    }

    private static RoundReport.Disagreement disagreement(RoundComparison.Result result) {
        int cells = 0;
        int narrowed = 0;
        int widened = 0;
        for (int cell = 0; cell < result.consensusBefore().length; cell++) {
            double was = result.consensusBefore()[cell];
            double now = result.consensusAfter()[cell];
            if (!Double.isNaN(was) && !Double.isNaN(now)) {
                cells++;
                narrowed += now > was ? 1 : 0;
                widened += now < was ? 1 : 0;
            }
        }
        return new RoundReport.Disagreement(
                cells,
                narrowed,
                widened,
                result.consensusChange(),
                result.consensusLow(),
                result.consensusHigh(),
                result.disagreement().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** Every voter's answers, by voter id (which never leaves this method's callers). */
    private Map<String, Map<CellKey, Answer>> ballots(Poll poll) {
        Map<String, Map<CellKey, Answer>> ballots = new HashMap<>();
        store.forEachAnswer(
                poll.id(),
                (voter, cell, answer) ->
                        ballots.computeIfAbsent(voter, id -> new HashMap<>()).put(cell, answer));
        return ballots;
    }

    private static CellKey cellKey(PollDefinition definition, int cell) {
        int factors = definition.factors().size();
        return new CellKey(
                definition.fields().get(cell / factors).key(),
                definition.factors().get(cell % factors).key());
    }
}
