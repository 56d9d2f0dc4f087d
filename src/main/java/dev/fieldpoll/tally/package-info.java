/**
 * Pure statistics over poll scores. {@link dev.fieldpoll.tally.PollAnalyzer} turns ballots into
 * a {@link dev.fieldpoll.tally.PollAnalysis}: eligible ballots in canonical order
 * ({@link dev.fieldpoll.tally.EligibleBallots}), cell values from the voter + cell model,
 * empirical-Bayes shrinkage, field scores, Pareto tiers, the ballot bootstrap for every interval
 * (scores, ranks, ties, reference differences, τ_b), split labels on evidence (Tastle &amp;
 * Wierman's consensus, van der Eijk's A, Benjamini–Hochberg), ranking reliability and
 * Krippendorff's α. Raw per-cell summaries are {@link dev.fieldpoll.tally.CellStatistics}.
 *
 * <p>Rules come from DESIGN.md, section "Statistics". Everything here is a function of its
 * arguments: no I/O, no clock, no platform, no SQL, and no dependency on the rest of
 * fieldpoll (only the JDK, commons-math3 and commons-statistics), so that any layer above
 * can use it and tests need no fixtures.
 *
 * <p>Conventions: a scale has K ≥ 2 points; a histogram is an {@code int[K]} whose index 0
 * counts the scale's lowest value, so index {@code i} stands for {@code scaleMin + i}.
 * "Don't know" answers never enter a histogram. Cells are field × factor; flat arrays
 * use {@code cell = field * factors + factor}.
 */
package dev.fieldpoll.tally;
