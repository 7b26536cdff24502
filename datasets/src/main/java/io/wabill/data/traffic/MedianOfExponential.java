package io.wabill.data.traffic;

/**
 * Estimates the mean of an exponential delay from its median (mean = median / ln 2), read off a histogram of
 * log-spaced bins. The median shrugs off the few long gaps that belong to something else (a new session
 * read as a continuation, two events read as one), which would pull a plain mean up.
 */
final class MedianOfExponential {
    private static final int PER_DECADE = 20, BINS = 7 * PER_DECADE;
    private final long[] counts = new long[BINS + 1];
    private long total;

    void add(double seconds) {
        total++;
        if (seconds < 1) {
            counts[0]++;
            return;
        }
        counts[Math.min(BINS, 1 + (int) Math.floor(Math.log10(seconds) * PER_DECADE))]++;
    }

    long count() { return total; }

    /** The mean of the exponential with this median, or {@code fallback} when nothing was seen. */
    double mean(double fallback) {
        if (total == 0) return fallback;
        double half = total / 2.0, acc = 0;
        for (int k = 0; k <= BINS; k++) {
            if (acc + counts[k] >= half && counts[k] > 0) {
                double lo = k == 0 ? 0 : Math.pow(10, (k - 1) / (double) PER_DECADE);
                double hi = k == 0 ? 1 : Math.pow(10, k / (double) PER_DECADE);
                double median = lo + (hi - lo) * (half - acc) / counts[k];
                return median / Math.log(2);
            }
            acc += counts[k];
        }
        return fallback;
    }
}
