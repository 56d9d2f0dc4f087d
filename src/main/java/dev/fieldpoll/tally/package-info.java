/**
 * Pure statistics over poll scores: cell summaries and labels, consensus, shrunk field
 * scores, Pareto tiers, rank intervals by bootstrap, agreement (Krippendorff's α) and the
 * comparison with a reference (Kendall's τ_b, t-intervals).
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
