package dev.fieldpoll.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.tally.GroupPlacer;
import dev.fieldpoll.tally.OpinionGroups.GroupMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a results post shows, computed once and rendered many ways (text, Markdown, JSON,
 * Discord, Slack). Numbers come only from eligible cells (at least {@code minVoters} scores); a
 * cell below that shows nothing but "fewer than k answers", so no vote can be read off.
 *
 * <p>One score per field everywhere: the ranking, tiers, reference table, τ_b, chart and summary
 * all use {@link RankingEntry#score()} and its factor estimates. Raw means stay in {@link #cells()}.
 *
 * <p>{@code opinionGroups} appears in JSON as the top-level keys {@code groups} and
 * {@code common_ground} (both null unless distinct groups were found) and {@code group_search}.
 */
public record PollReport(
        PollInfo poll,
        List<FactorInfo> factors,
        List<CellReport> cells,
        List<RankingEntry> ranking,
        List<UnrankedField> notRanked,
        List<Highlight> highlights,
        ReferenceComparison reference,
        Agreement agreement,
        Method method,
        int minVoters,
        int labelFrom,
        @JsonUnwrapped Groups opinionGroups) {

    /** A ranked field's score moved by the voter adjustment by more than this is named in the report. */
    public static final double SEVERITY_NOTE_FROM = 0.1;
    /** A field's don't-know share from this up is shown beside it. */
    public static final double NOTABLE_DONT_KNOW_FROM = 0.2;

    public PollReport {
        factors = List.copyOf(factors);
        cells = List.copyOf(cells);
        ranking = List.copyOf(ranking);
        notRanked = List.copyOf(notRanked);
        highlights = List.copyOf(highlights);
        java.util.Objects.requireNonNull(opinionGroups, "opinionGroups");
    }

    /** Ranked fields whose score the voter adjustment moved by more than {@link #SEVERITY_NOTE_FROM}. */
    public List<RankingEntry> adjustedFields() {
        return ranking.stream()
                .filter(entry -> Math.abs(entry.severityShift()) > SEVERITY_NOTE_FROM)
                .toList();
    }

    /**
     * {@code completeBallots}: voters who answered every cell (a "don't know" is an answer);
     * {@code higher}: what a higher score means, in the poll's template's words ("automated sooner").
     */
    public record PollInfo(
            long id,
            String title,
            String status,
            int voters,
            int completeBallots,
            int scaleMin,
            int scaleMax,
            String higher) {

        public PollInfo {
            higher = higher == null ? "more" : higher;
        }

        /** A poll whose higher scores mean "more". */
        public PollInfo(
                long id, String title, String status, int voters, int completeBallots, int scaleMin, int scaleMax) {
            this(id, title, status, voters, completeBallots, scaleMin, scaleMax, "more");
        }
    }

    public record FactorInfo(String key, String name, double weight) {}

    /** A value with its 90% interval; null parts when undefined. */
    public record Measure(Double value, Double low, Double high) {}

    /**
     * One field × factor. Only an eligible cell shows anything: for the others every number is
     * null and the label is {@code too-few}, whatever their votes.
     */
    public record CellReport(
            String field,
            String fieldName,
            String factor,
            boolean eligible,
            Integer n,
            Integer dontKnow,
            int[] histogram,
            Double mean,
            Double sd,
            Double median,
            Measure consensus,
            Measure agreementA,
            Double lowShare,
            Double highShare,
            String label) {

        public boolean disclosed() {
            return eligible;
        }
    }

    /** A ranked field's estimate on one factor (the voter-adjusted, shrunk cell value). */
    public record FactorEstimate(String factor, double estimate, double low, double high) {}

    /**
     * A ranked field. {@code severityShift} is how far the voter adjustment moved its score;
     * {@code dontKnowShare} the share of "don't know" among its answers.
     */
    public record RankingEntry(
            int rank,
            String field,
            String name,
            double score,
            double scoreLow,
            double scoreHigh,
            int tier,
            int rankLow,
            int rankHigh,
            boolean tieWithNext,
            double severityShift,
            Double dontKnowShare,
            List<FactorEstimate> estimates) {

        public RankingEntry {
            estimates = List.copyOf(estimates);
        }

        public boolean notableDontKnow() {
            return dontKnowShare != null && dontKnowShare >= NOTABLE_DONT_KNOW_FROM;
        }
    }

    /** A field not ranked yet: {@code factorsCounted} of {@code factors} of its cells have enough scores. */
    public record UnrankedField(String field, String name, int factorsCounted, int factors, Double dontKnowShare) {}

    /** A cell where the community splits, on evidence: contested or polarized. */
    public record Highlight(
            String field,
            String fieldName,
            String factor,
            String factorName,
            String label,
            int n,
            double lowShare,
            double highShare,
            Measure consensus,
            Measure agreementA) {}

    public record ReferenceComparison(Double kendallTauB, Double tauLow, Double tauHigh, List<ReferenceField> fields) {
        public ReferenceComparison {
            fields = List.copyOf(fields);
        }
    }

    /**
     * A ranked field against the reference: {@code difference = community − reference} always;
     * {@code real} when the difference holds up after controlling for the number of fields.
     */
    public record ReferenceField(
            String field,
            String name,
            double community,
            double reference,
            double difference,
            Double ciLow,
            Double ciHigh,
            boolean real) {}

    /**
     * {@code reliability}: the correlation expected between these field scores and another group's
     * like these; {@code krippendorffAlphaOrdinal}: Krippendorff's α over eligible cells.
     */
    public record Agreement(Double krippendorffAlphaOrdinal, Measure reliability) {}

    /**
     * How the numbers were estimated: m (shrinkage toward the factor mean, in answers), λ (voter
     * offsets' shrinkage toward 0, in answers; null when there was nothing to adjust), the bootstrap's
     * resamples and seed (derived from the votes), and the ballots it resampled.
     */
    public record Method(Double shrinkage, Double offsetShrinkage, int resamples, String seed, int ballots) {}

    /**
     * Opinion groups (DESIGN: "Opinion groups"). {@code groups} (A, the largest, first) and
     * {@code commonGround} are null unless distinct groups were found; {@code groupSearch} says
     * why or why not. The map (a sample of voters on the first two axes, without ids) and the
     * placer (which group a ballot is closest to) are for the chart and for a member's own
     * group, never part of the JSON.
     */
    public record Groups(
            List<Group> groups,
            CommonGround commonGround,
            GroupSearch groupSearch,
            @JsonIgnore GroupMap map,
            @JsonIgnore GroupPlacer placer) {

        public Groups {
            groups = groups == null ? null : List.copyOf(groups);
            java.util.Objects.requireNonNull(groupSearch, "groupSearch");
            if ((groups == null) != (commonGround == null)
                    || (groups == null) != (map == null)
                    || (groups == null) != (placer == null)) {
                throw new IllegalArgumentException("groups, common ground, map and placer come together");
            }
        }

        /** No groups looked for: fewer placed ballots than {@code needed}. */
        public static Groups tooFewBallots(int ballots, int needed) {
            return new Groups(null, null, GroupSearch.tooFewBallots(ballots, needed), null, null);
        }

        @JsonIgnore
        public boolean found() {
            return groups != null;
        }

        /**
         * The label of the group a ballot is closest to ("B"), or empty when there are no groups
         * or the ballot answers too few cells to be placed.
         */
        public Optional<String> closestGroup(PollDefinition definition, Map<CellKey, Answer> ballot) {
            if (!found()) {
                return Optional.empty();
            }
            int[] scoreIndexes = new int[definition.cellCount()];
            int factors = definition.factors().size();
            ballot.forEach((cell, answer) -> {
                int field = definition.indexOfField(cell.field());
                int factor = definition.indexOfFactor(cell.factor());
                if (field >= 0 && factor >= 0 && answer instanceof Answer.Score score) {
                    scoreIndexes[field * factors + factor] =
                            score.value() - definition.scale().min() + 1;
                }
            });
            int group = placer.place(scoreIndexes);
            return group < 0 ? Optional.empty() : Optional.of(groups.get(group).label());
        }
    }

    /**
     * How the search went: {@code status} is {@code too-few-ballots}, {@code too-few-cells},
     * {@code no-distinct-groups} or {@code found}; {@code ballots} counts the ballots placed (at
     * least half the eligible cells answered), {@code needed} the ballots groups need; then the
     * number of groups tried last, its silhouette, and its gap against one crowd with the gap it
     * had to clear (null where not computed).
     */
    public record GroupSearch(
            String status, int ballots, int needed, Integer groups, Double silhouette, Double gap, Double gapNeeded) {

        static GroupSearch tooFewBallots(int ballots, int needed) {
            return new GroupSearch("too-few-ballots", ballots, needed, null, null, null, null);
        }
    }

    /**
     * One opinion group: its label (A, B, … by size), size and share of the placed ballots, that
     * share as the whole percent shown ({@code percent}: the groups' percents add to 100), its
     * mean per cell ({@code profile}), its own ranking ({@code topFields}, best first) and the
     * cells that separate it from the rest that hold up.
     */
    public record Group(
            String label,
            int size,
            double share,
            int percent,
            List<GroupCell> profile,
            List<GroupField> topFields,
            List<SeparatingCell> separating) {

        public Group {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percent must be 0 to 100, was " + percent);
            }
            profile = List.copyOf(profile);
            topFields = List.copyOf(topFields);
            separating = List.copyOf(separating);
        }
    }

    /** A group's mean of a cell from {@code n} scores; null below min-voters scores (or not eligible). */
    public record GroupCell(String field, String factor, Double mean, int n) {}

    /** A field in a group's own ranking: the weighted mean of the group's factor means. */
    public record GroupField(int rank, String field, String name, double score) {}

    /**
     * Where a group differs from the others (with two groups: from the other group): both means,
     * the difference and its 90% interval, from voters placed without that cell; shown only when
     * it holds up across every cell and group (Benjamini–Hochberg, 10%).
     */
    public record SeparatingCell(
            String field,
            String fieldName,
            String factor,
            String factorName,
            double groupMean,
            double othersMean,
            double difference,
            double low,
            double high) {}

    /** What every group agrees on: bridging fields first, then cells. */
    public record CommonGround(List<CommonField> fields, List<CommonCell> cells) {
        public CommonGround {
            fields = List.copyOf(fields);
            cells = List.copyOf(cells);
        }

        @JsonIgnore
        public boolean isEmpty() {
            return fields.isEmpty() && cells.isEmpty();
        }
    }

    /**
     * A field every group ranks in its upper half; {@code lowestScore}, its lowest score over the
     * groups, orders them (the group-informed consensus); {@code worstRank} its lowest place.
     */
    public record CommonField(String field, String name, double lowestScore, int worstRank) {}

    /**
     * A cell where most of every group scores on the same side of the scale's middle, on
     * evidence: {@code side} is {@code high} or {@code low}; {@code lowestShare} the smallest
     * share on that side over the groups.
     */
    public record CommonCell(
            String field, String fieldName, String factor, String factorName, String side, double lowestShare) {}
}
