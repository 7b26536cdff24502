package io.wabill.data.traffic;

/**
 * Customer replies to one template category. A reply is the first inbound message of a pair within 24 h
 * after a delivered template and before any other inbound message; some of those are not replies but the
 * customer's own sessions that happened to come then. Their expected number, and where their delays fall,
 * follow from the background session rate and the time each template's window stayed open, so both the
 * reply probability and the delay distribution are corrected for them at the end.
 */
final class ReplyFit {
    /** Delay bins of a tenth of a decade from 1 s to 24 h: bin k holds delays in [10^(k/10), 10^((k+1)/10)) s. */
    static final int BINS = 50;
    static final long WINDOW = 86_400;

    long delivered;
    long attributed;
    final double[] delays = new double[BINS];
    /**
     * Seconds the reply windows were open, by delay bin and by local hour of week of that moment: chance
     * sessions fall where windows were open, at the customers' activity of that hour.
     */
    final double[][] open = new double[BINS][168];

    static int bin(long seconds) {
        if (seconds < 1) return 0;
        int b = (int) Math.floor(10 * Math.log10(seconds));
        return Math.min(BINS - 1, Math.max(0, b));
    }

    static double lower(int bin) { return bin == 0 ? 0 : Math.pow(10, bin / 10.0); }

    static double upper(int bin) { return bin == BINS - 1 ? WINDOW : Math.pow(10, (bin + 1) / 10.0); }

    void reply(long delaySeconds) {
        attributed++;
        delays[bin(delaySeconds)]++;
    }

    /** A template delivered at local second {@code localStart} kept its window open {@code seconds}. */
    void open(long localStart, long seconds) {
        double d = 0;
        int k = 0;
        while (d < seconds) {
            while (k < BINS - 1 && d >= upper(k)) k++;
            double at = localStart + d;
            double nextHour = (Math.floor(at / 3600) + 1) * 3600 - localStart;
            double next = Math.min(seconds, Math.min(upper(k), nextHour));
            if (next <= d) next = Math.min(seconds, d + 1);
            open[k][TrafficFitter.hourOfWeek((long) Math.floor(at))] += next - d;
            d = next;
        }
    }

    /** Expected chance sessions per delay bin, given the session rate per customer-day and the activity profile. */
    double[] chance(double perDay, double[] weekly, double[] hourly) {
        double[] out = new double[BINS];
        for (int k = 0; k < BINS; k++) {
            double sum = 0;
            for (int how = 0; how < 168; how++) if (open[k][how] > 0) sum += open[k][how] * weekly[how / 24] * hourly[how % 24];
            out[k] = perDay * sum / 86_400.0;
        }
        return out;
    }

    /** Window time weighted by activity, in customer-days: chance sessions = session rate times this. */
    double weightedOpenDays(double[] weekly, double[] hourly) {
        double total = 0;
        for (double x : chance(1, weekly, hourly)) total += x;
        return total;
    }

    /**
     * The corrected fit: probability, median minutes and sigma, given the background session rate per
     * customer-day and the activity profile. Replies not clearly above the chance level (three standard
     * deviations) are taken as none.
     */
    MarketTraffic.CustomerReply result(double backgroundPerDay, double[] weekly, double[] hourly, MarketTraffic.CustomerReply fallback) {
        double[] chance = chance(backgroundPerDay, weekly, hourly);
        double spurious = 0;
        for (double c : chance) spurious += c;
        double replies = attributed - spurious;
        if (delivered == 0 || replies <= 3 * Math.sqrt(Math.max(1, spurious)))
            return new MarketTraffic.CustomerReply(0, fallback.medianMinutes(), fallback.sigma());
        // Moments of ln(delay) from the histogram less the chance sessions. Bins are not clipped at zero: where
        // there are no replies the difference is noise around zero, and clipping would fatten the tail. For a
        // log-normal delay the median is exp(mean of ln delay).
        double total = 0, sum = 0;
        for (int k = 0; k < BINS; k++) {
            double h = delays[k] - chance[k];
            total += h;
            sum += h * center(k);
        }
        if (total <= 0) return new MarketTraffic.CustomerReply(Math.min(1, replies / delivered), fallback.medianMinutes(), fallback.sigma());
        double mean = sum / total;
        double var = 0;
        for (int k = 0; k < BINS; k++) var += (delays[k] - chance[k]) * (center(k) - mean) * (center(k) - mean);
        var /= total;
        double width = Math.log(10) / 10;
        var = Math.max(0, var - width * width / 12); // Sheppard's correction for binning
        double median = Math.exp(mean);
        return new MarketTraffic.CustomerReply(Math.min(1, replies / delivered), median / 60, Math.sqrt(var));
    }

    private static double center(int k) {
        return (Math.log(Math.max(1, lower(k))) + Math.log(upper(k))) / 2;
    }
}
