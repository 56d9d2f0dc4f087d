package dev.fieldpoll.summary;

import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.Measure;
import dev.fieldpoll.tally.CellLabel;

/**
 * Which cells the weekly summary counts as split, with hysteresis (DESIGN: "Splits"), so a cell
 * hovering at a threshold is not "newly contested" every other week. A cell enters
 * {@code contested} or {@code polarized} only when the report labels it so (its interval cleared
 * the threshold, false discoveries controlled); it leaves only when its estimate is clearly back:
 * consensus at least {@link #CONTESTED_EXIT} (.05 above the .6 threshold), or van der Eijk's A at
 * least {@link #POLARIZED_EXIT} (.1 above 0) for polarized. In between it keeps last week's state.
 * A cell that is not eligible keeps its state: it gave no evidence either way.
 */
final class SplitStates {

    static final double CONTESTED_EXIT = CellLabel.CONTESTED_BELOW + 0.05;
    static final double POLARIZED_EXIT = CellLabel.POLARIZED_BELOW + 0.1;

    private static final String POLARIZED = CellLabel.POLARIZED.keyword();
    private static final String CONTESTED = CellLabel.CONTESTED.keyword();

    private SplitStates() {}

    static boolean isSplit(String state) {
        return POLARIZED.equals(state) || CONTESTED.equals(state);
    }

    /** This week's state of a cell, given last week's (null when there was no summary yet). */
    static String next(String previous, CellReport cell) {
        if (cell.label().equals(POLARIZED)) {
            return POLARIZED;
        }
        if (!cell.eligible()) {
            return previous == null ? cell.label() : previous;
        }
        boolean stillPolarized = POLARIZED.equals(previous) && below(cell.agreementA(), POLARIZED_EXIT);
        if (cell.label().equals(CONTESTED)) {
            return stillPolarized ? POLARIZED : CONTESTED;
        }
        if (stillPolarized) {
            return POLARIZED;
        }
        if (isSplit(previous) && below(cell.consensus(), CONTESTED_EXIT)) {
            return CONTESTED;
        }
        return cell.label();
    }

    /** Whether the state is a split the previous state was not (polarized after contested counts). */
    static boolean isNewly(String previous, String state) {
        if (POLARIZED.equals(state)) {
            return !POLARIZED.equals(previous);
        }
        return CONTESTED.equals(state) && !isSplit(previous);
    }

    private static boolean below(Measure measure, double exit) {
        return measure != null && measure.value() != null && measure.value() < exit;
    }
}
