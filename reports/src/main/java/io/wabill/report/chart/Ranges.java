package io.wabill.report.chart;

import java.util.List;

/** Axis range decisions, kept apart from drawing so they can be tested. */
public final class Ranges {
    /** A threshold is drawn when it lies within this multiple of the largest value; farther ones would flatten the lines. */
    public static final double THRESHOLD_REACH = 2.0;

    private Ranges() {}

    /**
     * The upper end of a count axis: the largest value, or the farthest threshold within reach of it, plus 5 %
     * headroom; at least 1 so an empty chart still has an axis.
     */
    public static double upperBound(long largest, List<Long> thresholds) {
        double top = Math.max(1, largest);
        for (long t : thresholds) if (t <= largest * THRESHOLD_REACH && t > top) top = t;
        return top * 1.05;
    }

    /** The thresholds that {@link #upperBound} keeps on the chart. */
    public static List<Long> visible(long largest, List<Long> thresholds) {
        return thresholds.stream().filter(t -> t <= Math.max(1, largest) * THRESHOLD_REACH).sorted().toList();
    }
}
