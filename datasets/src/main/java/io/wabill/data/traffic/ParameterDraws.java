package io.wabill.data.traffic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws, for each Monte Carlo run of a forecast, the traffic parameters themselves, so that the runs' spread says
 * how little the traffic model is known, not only how Poisson noise falls. Run {@code i}'s draw depends only on
 * the seed and {@code i}, never on the order runs are made in or on the threads.
 *
 * <p>What varies per run:
 * <ul>
 *   <li><b>Fitted model</b> ({@code --fit}): a block bootstrap over whole weeks of the fitted log. The fit's
 *   day-by-day counts ({@link DailyTallies}) are detrended by the estimated growth, K weeks are drawn with
 *   replacement from the log's K full weeks, and each parameter is multiplied by the ratio of its estimate on
 *   the drawn weeks to its estimate on all weeks: session, utility-event and OTP-request rates, campaigns a week
 *   and their size (audience share), messages a session, replies a message, templates an event, retry, reply and
 *   failure probabilities, and the weekly profile (seasonality). Whole weeks keep the weekday mix and the campaign
 *   calendar of each draw intact and carry the day-to-day correlation a day bootstrap would lose. Each run also
 *   draws its campaign start hour from the hours the log's campaigns started at (timing).</li>
 *   <li><b>Growth</b>: from {@code --growth-range} (uniform), else {@code --growth} (fixed), else, for a fit, from
 *   the trend of the log's weekly volume: a least-squares line through log weekly totals, the run's slope drawn
 *   from Student's t around it with the fit's standard error (K - 2 degrees of freedom). With fewer than three full
 *   weeks no trend is estimated and growth is 0. A fit measures the average level over the log, so each run's
 *   level is moved from the middle of the log to the first forecast month by its own growth.</li>
 *   <li><b>Preset or YAML model</b> ({@code --scenario}): there is no sampling distribution, so the parameters are
 *   stated guesses; each rate, share and mean above is multiplied by {@code exp(s Z)} (Z standard normal, s the
 *   {@code --parameter-spread}, default 10 %), the weekly factors by {@code exp(s Z / 2)}, and the campaign hour
 *   moves by -1, 0 or +1 hour. The value given is the median of its draws.</li>
 * </ul>
 * With {@code fixed} nothing is drawn: every run uses the model as given, and only the traffic varies.
 */
public final class ParameterDraws {
    /** A run's parameters: the traffic model, its monthly growth, and the factor applied to its customers (level). */
    public record Draw(TrafficModel model, double growth, double level, double volumeFactor) {}

    /** How growth is given: a fixed rate, a range to draw uniformly from, or (both null/NaN) estimated from a fit. */
    public record Growth(double fixed, double low, double high) {
        public static Growth fixed(double rate) { return new Growth(rate, Double.NaN, Double.NaN); }

        public static Growth range(double low, double high) { return new Growth(Double.NaN, low, high); }

        public static Growth estimated() { return new Growth(Double.NaN, Double.NaN, Double.NaN); }

        boolean isRange() { return !Double.isNaN(low); }

        boolean isFixed() { return !Double.isNaN(fixed); }
    }

    static final long PARAMETER_STREAM = 0x3C6EF372FE94F82BL;
    static final double DAYS_PER_MONTH = 365.2425 / 12;
    /**
     * What the trend is fitted to: the processes customers start (sessions, utility events, OTP requests), which grow
     * with the customers and follow nothing earlier. Not the templates of an event, which lag it by a day or two (a
     * generated log starts without the later templates of earlier events, which reads as growth); not campaign sends,
     * which grow with the customers too but come in lumps (a newsletter a month puts one week 15 % above the next)
     * and would bury the trend in noise: they are used only when a log has nothing else.
     */
    private static final DailyTallies.Tally[] VOLUME = {DailyTallies.Tally.OWN_SESSIONS, DailyTallies.Tally.UTILITY_EVENTS,
        DailyTallies.Tally.AUTH_REQUESTS};

    private final TrafficModel base;
    private final List<DailyTallies> tallies;
    private final double spread;
    private final boolean fixed;
    private final Growth growth;
    private final long seed;
    private final LocalDate start;
    private final Trend trend;
    private final long[] weeks;
    private final List<Map<Long, double[]>> detrended = new ArrayList<>();

    /**
     * @param tallies the fit's day-by-day counts per market (same order as the model's markets), or null for a
     *                preset or YAML model
     * @param spread  the relative spread of a preset's parameters (0.1 = 10 %); ignored for a fit
     * @param start   the first day of the forecast (where a fitted level is moved to)
     */
    public ParameterDraws(TrafficModel base, List<DailyTallies> tallies, double spread, boolean fixed, Growth growth,
                          long seed, LocalDate start) {
        if (tallies != null && tallies.size() != base.markets().size())
            throw new IllegalArgumentException("tallies for " + tallies.size() + " markets, model has " + base.markets().size());
        this.base = base;
        this.tallies = tallies;
        this.spread = spread;
        this.fixed = fixed;
        this.growth = growth;
        this.seed = seed;
        this.start = start;
        TreeMap<Long, Double> volume = volume(tallies, VOLUME);
        if (volume.values().stream().allMatch(v -> v == 0)) volume = volume(tallies, new DailyTallies.Tally[] {DailyTallies.Tally.RECIPIENTS});
        this.trend = volume.isEmpty() ? null : Trend.of(volume);
        this.weeks = trend == null ? new long[0] : trend.weekStarts;
        if (tallies != null) {
            for (DailyTallies t : tallies) {
                // Counts moved to the log's middle by the estimated trend, so resampled weeks differ by chance only.
                Map<Long, double[]> d = new TreeMap<>();
                for (Map.Entry<Long, double[]> e : t.days().entrySet()) {
                    double f = trend == null ? 1 : Math.exp(-trend.slopePerDay * (e.getKey() - trend.centreDay));
                    double[] v = e.getValue();
                    for (int i = 0; i < v.length; i++) v[i] *= f;
                    d.put(e.getKey(), v);
                }
                detrended.add(d);
            }
        }
    }

    private static TreeMap<Long, Double> volume(List<DailyTallies> tallies, DailyTallies.Tally[] measure) {
        TreeMap<Long, Double> volume = new TreeMap<>();
        if (tallies == null) return volume;
        for (DailyTallies t : tallies) {
            for (Map.Entry<Long, double[]> e : t.days().entrySet()) {
                double v = 0;
                for (DailyTallies.Tally k : measure) v += e.getValue()[k.ordinal()];
                volume.merge(e.getKey(), v, Double::sum);
            }
        }
        return volume;
    }

    /** The estimated trend of a fitted log's volume, or null (a preset, or nothing to fit). */
    public Trend trend() { return trend; }

    /** Describes how runs vary, for the command's first line and the report. */
    public String describe() {
        if (fixed) return "parameters fixed (only the traffic varies)";
        String params = tallies != null
                ? "parameters bootstrapped over " + weeks.length + " full week" + (weeks.length == 1 ? "" : "s") + " of the fitted log"
                  + (weeks.length < 2 ? " (too few weeks: days resampled instead)" : "")
                : "parameters drawn with a spread of " + TrafficModelWriter.num(spread * 100) + "% around the scenario's values";
        String g = growth.isRange() ? "growth uniform in " + pct(growth.low) + ".." + pct(growth.high) + "/month"
                : growth.isFixed() ? "growth " + pct(growth.fixed) + "/month"
                : trend != null && trend.weeks >= 3 ? "growth from the log's trend " + pct(trend.monthlyGrowth()) + "/month (standard error "
                  + pct(trend.monthlyStandardError()) + ", " + trend.weeks + " weeks)"
                : "growth 0 (no trend: fewer than 3 full weeks)";
        return params + "; " + g;
    }

    private static String pct(double rate) { return TrafficModelWriter.num(Math.round(rate * 10000) / 100.0) + "%"; }

    /** The parameters of run {@code index}. */
    public Draw draw(int index) {
        SplittableRandom r = new SplittableRandom(RandomDraws.mix(RandomDraws.mix(seed ^ PARAMETER_STREAM) + index));
        double g = growthOf(index, r);
        if (fixed) return new Draw(base, g, 1, 1);
        double level = 1;
        TrafficModel model;
        if (tallies != null) {
            model = bootstrap(r);
            if (trend != null) {
                // The fit measured the log's average, i.e. its middle; the first forecast month is this many months on.
                double months = (start.toEpochDay() + start.lengthOfMonth() / 2.0 - trend.centreDay) / DAYS_PER_MONTH;
                level = Math.pow(1 + g, months);
            }
        } else {
            model = prior(r);
        }
        double volume = level * model.expectedRowsPerDay() / Math.max(1e-12, base.expectedRowsPerDay());
        return new Draw(model, g, level, volume);
    }

    /** The growth of run {@code index}; its own stream, so a fixed growth or range gives the same rate as before. */
    double growthOf(int index, SplittableRandom r) {
        if (growth.isRange()) return growth.low + (growth.high - growth.low) * new SplittableRandom(growthSeed(seed, index)).nextDouble();
        if (growth.isFixed()) return growth.fixed;
        if (fixed || trend == null || trend.weeks < 3) return 0;
        double slope = trend.slopePerWeek + trend.slopeStandardError * studentT(r, trend.weeks - 2);
        return Math.max(-0.99, Math.min(10, Math.exp(slope * DAYS_PER_MONTH / 7) - 1));
    }

    /** The seed of a run's draw from a growth range (as forecasts have drawn it since the range existed). */
    public static long growthSeed(long seed, long index) {
        return RandomDraws.mix(RandomDraws.mix(seed ^ 0x6A09E667F3BCC909L) + index);
    }

    static double studentT(SplittableRandom r, int df) {
        double z = r.nextGaussian(), chi = 0;
        for (int i = 0; i < df; i++) {
            double x = r.nextGaussian();
            chi += x * x;
        }
        return z / Math.sqrt(chi / df);
    }

    // ---- the bootstrap of a fitted model ----

    private TrafficModel bootstrap(SplittableRandom r) {
        // The same weeks for every market: markets share the calendar, their campaigns and seasons move together.
        List<Long> drawn = new ArrayList<>();
        boolean byWeek = weeks.length >= 2;
        List<Long> allDays = new ArrayList<>(detrended.isEmpty() ? List.of() : unionOfDays());
        int blocks = byWeek ? weeks.length : allDays.size();
        for (int b = 0; b < blocks; b++) drawn.add(byWeek ? weeks[r.nextInt(weeks.length)] : allDays.get(r.nextInt(allDays.size())));
        List<MarketTraffic> markets = new ArrayList<>();
        for (int m = 0; m < base.markets().size(); m++) {
            MarketTraffic t = base.markets().get(m);
            Map<Long, double[]> days = detrended.get(m);
            Sums all = new Sums(t.weekly()), sample = new Sums(t.weekly());
            for (Map.Entry<Long, double[]> e : days.entrySet()) {
                if (!byWeek || inWeeks(e.getKey())) all.add(e.getKey(), e.getValue());
            }
            for (long first : drawn) {
                for (long d = first; d < first + (byWeek ? 7 : 1); d++) {
                    double[] v = days.get(d);
                    if (v != null) sample.add(d, v);
                    else sample.addEmpty(d);
                }
            }
            markets.add(resampled(t, tallies.get(m).campaignHours(), all, sample, r));
        }
        return new TrafficModel(base.businesses(), base.account(), markets);
    }

    private List<Long> unionOfDays() {
        TreeMap<Long, Boolean> d = new TreeMap<>();
        for (Map<Long, double[]> m : detrended) for (Long k : m.keySet()) d.put(k, true);
        return new ArrayList<>(d.keySet());
    }

    private boolean inWeeks(long day) {
        return weeks.length > 0 && day >= weeks[0] && day < weeks[weeks.length - 1] + 7;
    }

    /** Sums of one market's counts over a set of days, and the days' exposure (weekday-weighted days). */
    private static final class Sums {
        final double[] weekly;
        final double[] total = new double[DailyTallies.Tally.values().length];
        final double[] startsByWeekday = new double[7];
        final int[] daysByWeekday = new int[7];
        double exposure;
        int days;

        Sums(double[] weekly) { this.weekly = weekly; }

        void add(long day, double[] v) {
            addEmpty(day);
            for (int i = 0; i < v.length; i++) total[i] += v[i];
            startsByWeekday[weekday(day)] += v[DailyTallies.Tally.OWN_SESSIONS.ordinal()] + v[DailyTallies.Tally.UTILITY_EVENTS.ordinal()]
                    + v[DailyTallies.Tally.AUTH_REQUESTS.ordinal()];
        }

        void addEmpty(long day) {
            days++;
            daysByWeekday[weekday(day)]++;
            exposure += weekly[weekday(day)];
        }

        double get(DailyTallies.Tally t) { return total[t.ordinal()]; }

        static int weekday(long epochDay) { return LocalDate.ofEpochDay(epochDay).getDayOfWeek().getValue() - 1; }
    }

    /** Ratio of the estimate on the drawn days to the estimate on all days; 1 when either cannot be formed. */
    private static double factor(double sampleNum, double sampleDen, double allNum, double allDen) {
        if (sampleDen <= 0 || allDen <= 0 || allNum <= 0) return 1;
        return (sampleNum / sampleDen) / (allNum / allDen);
    }

    private static double factor(Sums s, Sums a, DailyTallies.Tally num, DailyTallies.Tally den) {
        return factor(s.get(num), s.get(den), a.get(num), a.get(den));
    }

    private MarketTraffic resampled(MarketTraffic t, long[] hours, Sums a, Sums s, SplittableRandom r) {
        double sessions = factor(s.get(DailyTallies.Tally.OWN_SESSIONS), s.exposure, a.get(DailyTallies.Tally.OWN_SESSIONS), a.exposure);
        double ctwa = factor(s, a, DailyTallies.Tally.CTWA, DailyTallies.Tally.OWN_SESSIONS);
        double perSession = factor(s, a, DailyTallies.Tally.INBOUND, DailyTallies.Tally.SESSIONS);
        double replies = factor(s, a, DailyTallies.Tally.BUSINESS_REPLIES, DailyTallies.Tally.INBOUND);
        double campaigns = factor(s.get(DailyTallies.Tally.CAMPAIGNS), s.days, a.get(DailyTallies.Tally.CAMPAIGNS), a.days);
        double audience = factor(s, a, DailyTallies.Tally.RECIPIENTS, DailyTallies.Tally.CAMPAIGNS);
        double events = factor(s.get(DailyTallies.Tally.UTILITY_EVENTS), s.exposure, a.get(DailyTallies.Tally.UTILITY_EVENTS), a.exposure);
        double perEvent = factor(s, a, DailyTallies.Tally.UTILITY_TEMPLATES, DailyTallies.Tally.UTILITY_EVENTS);
        double requests = factor(s.get(DailyTallies.Tally.AUTH_REQUESTS), s.exposure, a.get(DailyTallies.Tally.AUTH_REQUESTS), a.exposure);
        double retry = factor(s, a, DailyTallies.Tally.AUTH_RETRIES, DailyTallies.Tally.AUTH_REQUESTS);
        double mReply = factor(s, a, DailyTallies.Tally.MARKETING_REPLIES, DailyTallies.Tally.MARKETING_DELIVERED);
        double uReply = factor(s, a, DailyTallies.Tally.UTILITY_REPLIES, DailyTallies.Tally.UTILITY_DELIVERED);
        double aReply = factor(s, a, DailyTallies.Tally.AUTH_REPLIES, DailyTallies.Tally.AUTH_DELIVERED);
        double failure = factor(s, a, DailyTallies.Tally.FAILED, DailyTallies.Tally.OUTBOUND);
        double[] weekly = t.weekly().clone();
        double[] sw = perDay(s), aw = perDay(a);
        for (int k = 0; k < 7; k++) if (sw[k] > 0 && aw[k] > 0) weekly[k] *= sw[k] / aw[k];
        int hour = t.marketing().sendHour();
        long total = 0;
        for (long h : hours) total += h;
        if (total > 0) {
            long pick = r.nextLong(total);
            for (int h = 0; h < 24; h++) {
                pick -= hours[h];
                if (pick < 0) {
                    hour = h;
                    break;
                }
            }
        }
        return scaled(t, new double[] {sessions, ctwa, perSession, replies, campaigns, audience, events, perEvent, requests, retry,
            mReply, uReply, aReply, failure}, TrafficModelReader.normalizedWeek(weekly), hour);
    }

    /** Process starts per day of each weekday, relative to their mean (the weekly profile of a set of days). */
    private static double[] perDay(Sums s) {
        double[] v = new double[7];
        double sum = 0;
        int n = 0;
        for (int k = 0; k < 7; k++) {
            if (s.daysByWeekday[k] == 0) continue;
            v[k] = s.startsByWeekday[k] / s.daysByWeekday[k];
            sum += v[k];
            n++;
        }
        if (n == 0 || sum <= 0) return new double[7];
        for (int k = 0; k < 7; k++) v[k] = v[k] * n / sum;
        return v;
    }

    // ---- the prior of a preset or YAML model ----

    private TrafficModel prior(SplittableRandom r) {
        List<MarketTraffic> markets = new ArrayList<>();
        for (MarketTraffic t : base.markets()) {
            double[] f = new double[14];
            for (int i = 0; i < f.length; i++) f[i] = Math.exp(spread * r.nextGaussian());
            double[] weekly = t.weekly().clone();
            for (int k = 0; k < 7; k++) weekly[k] *= Math.exp(spread / 2 * r.nextGaussian());
            int hour = Math.max(0, Math.min(23, t.marketing().sendHour() + r.nextInt(3) - 1));
            markets.add(scaled(t, f, TrafficModelReader.normalizedWeek(weekly), hour));
        }
        return new TrafficModel(base.businesses(), base.account(), markets);
    }

    /**
     * The market with its parameters multiplied: sessions, ctwa, messages a session, replies a message, campaigns
     * a week, audience share, utility events, templates an event, OTP requests, retry probability, the three reply
     * probabilities and the failure rate, in that order; shares stay within [0, 1] and means at least 1.
     */
    static MarketTraffic scaled(MarketTraffic t, double[] f, double[] weekly, int sendHour) {
        MarketTraffic.Sessions s = t.sessions();
        MarketTraffic.Sessions sessions = new MarketTraffic.Sessions(s.perCustomerDay() * f[0], share(s.ctwaShare() * f[1]),
                s.callShare(), Math.max(1, s.messagesMean() * f[2]), s.gapSeconds(), s.repliesPerMessage() * f[3],
                s.replyDelaySeconds(), s.reactionProbability(), s.agentShare(), s.agentTokensMean());
        MarketTraffic.Marketing m = t.marketing();
        MarketTraffic.Marketing marketing = new MarketTraffic.Marketing(m.campaignsPerWeek() * f[4], m.days(), sendHour,
                m.burstMinutes(), share(m.audienceShare() * f[5]), reply(m.reply(), f[10]), m.template());
        MarketTraffic.Utility u = t.utility();
        MarketTraffic.Utility utility = new MarketTraffic.Utility(u.eventsPerCustomerDay() * f[6], Math.max(1, u.messagesPerEvent() * f[7]),
                u.spacingHours(), reply(u.reply(), f[11]), u.template());
        MarketTraffic.Authentication a = t.authentication();
        MarketTraffic.Authentication auth = new MarketTraffic.Authentication(a.requestsPerCustomerDay() * f[8],
                share(a.retryProbability() * f[9]), a.retryDelaySeconds(), a.maxRetries(), reply(a.reply(), f[12]), a.template());
        MarketTraffic.Delivery d = t.delivery();
        MarketTraffic.Delivery delivery = new MarketTraffic.Delivery(share(d.failureRate() * f[13]), d.meanDelaySeconds(), d.readShare());
        return new MarketTraffic(t.market(), t.numberPrefix(), t.numberLength(), t.zone(), t.customers(), t.hourly(), weekly,
                sessions, marketing, utility, auth, delivery);
    }

    private static MarketTraffic.CustomerReply reply(MarketTraffic.CustomerReply r, double f) {
        return new MarketTraffic.CustomerReply(share(r.probability() * f), r.medianMinutes(), r.sigma());
    }

    private static double share(double p) { return Math.max(0, Math.min(1, p)); }

    /**
     * The trend of a log's daily volume (sessions customers start, utility events, OTP requests; see VOLUME):
     * a least-squares line through the logarithm of its full weeks' totals.
     */
    public static final class Trend {
        final long[] weekStarts;
        final int weeks;
        final double slopePerWeek, slopeStandardError, slopePerDay;
        /** The middle of the log (epoch day): the level a fit measures is the log's average, i.e. about its middle. */
        final double centreDay;

        private Trend(long[] weekStarts, double slope, double se, double centreDay) {
            this.weekStarts = weekStarts;
            this.weeks = weekStarts.length;
            this.slopePerWeek = slope;
            this.slopeStandardError = se;
            this.slopePerDay = slope / 7;
            this.centreDay = centreDay;
        }

        static Trend of(TreeMap<Long, Double> daily) {
            long first = daily.firstKey(), last = daily.lastKey();
            // A log rarely starts and ends at midnight of every market: a first or last day with under half a median
            // day's volume is a partial day, and would read as growth (or decline).
            double[] sorted = daily.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted[sorted.length / 2];
            while (first < last && daily.getOrDefault(first, 0.0) < median / 2) first++;
            while (last > first && daily.getOrDefault(last, 0.0) < median / 2) last--;
            int k = (int) ((last - first + 1) / 7);
            long[] starts = new long[k];
            double[] y = new double[k];
            boolean positive = true;
            for (int w = 0; w < k; w++) {
                starts[w] = first + 7L * w;
                double sum = 0;
                for (long d = starts[w]; d < starts[w] + 7; d++) sum += daily.getOrDefault(d, 0.0);
                positive &= sum > 0;
                y[w] = sum > 0 ? Math.log(sum) : 0;
            }
            double centre = (first + last + 1) / 2.0;
            if (k < 3 || !positive) return new Trend(starts, 0, 0, centre);
            double mx = (k - 1) / 2.0, my = 0;
            for (double v : y) my += v / k;
            double sxx = 0, sxy = 0;
            for (int w = 0; w < k; w++) {
                sxx += (w - mx) * (w - mx);
                sxy += (w - mx) * (y[w] - my);
            }
            double slope = sxy / sxx, rss = 0;
            for (int w = 0; w < k; w++) {
                double e = y[w] - my - slope * (w - mx);
                rss += e * e;
            }
            double se = Math.sqrt(rss / (k - 2) / sxx);
            return new Trend(starts, slope, se, centre);
        }

        public int weeks() { return weeks; }

        /** The estimated monthly growth, e.g. 0.05 for 5 % a month. */
        public double monthlyGrowth() { return Math.exp(slopePerWeek * DAYS_PER_MONTH / 7) - 1; }

        /** Standard error of the monthly growth, by the delta method. */
        public double monthlyStandardError() { return slopeStandardError * DAYS_PER_MONTH / 7 * (1 + monthlyGrowth()); }
    }
}
