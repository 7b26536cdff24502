package io.wabill.data.traffic;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a {@link TrafficModel} into a canonical log sorted by time, streaming, in memory bounded by about a
 * day of traffic (not by the length of the log).
 *
 * <p>It steps one local day at a time: step d generates day d of every market in that market's time zone.
 * Every event a step creates is at or after the start of its market's day, so once a step is done, events
 * before the earliest start of day d+1 across markets can no longer be preceded by anything: they are
 * sorted and emitted, and the rest (replies after midnight, deliveries, retries, later utility templates,
 * the days of markets further west) are carried to the next step. The carry is kept as a sorted run and
 * merged with each new sorted batch, which costs less than a heap and stays about a day's events at most.
 *
 * <p>Reproducible: every (market, day, process) draws from its own SplittableRandom seeded from the seed and
 * those indexes, and ties in time keep the order of creation, so a seed gives the same rows, byte for byte,
 * whatever else runs. Instants are whole seconds.
 */
public final class TrafficGenerator {
    /**
     * What to generate: local days {@code from..to} (inclusive) of each market, customers scaled by
     * {@code scale} and grown by {@code monthlyGrowth} per month after the first (0.05 = 5 %), from {@code seed}.
     */
    public record Plan(LocalDate from, LocalDate to, double scale, double monthlyGrowth, long seed) {
        public Plan {
            if (to.isBefore(from)) throw new IllegalArgumentException("the last day " + to + " is before the first day " + from);
            if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("the scale must be > 0, was " + scale);
            if (!(monthlyGrowth > -1) || monthlyGrowth > 10) throw new IllegalArgumentException("the monthly growth must be above -100% and at most 1000%, was " + monthlyGrowth);
        }

        public int days() { return (int) (to.toEpochDay() - from.toEpochDay() + 1); }
    }

    static final int SESSIONS = 1, UTILITY = 2, AUTHENTICATION = 3, MARKETING = 4;
    private static final long DAY = 86_400;

    private final TrafficModel model;
    private final Plan plan;
    private final MarketState[] markets;
    private final AtomicLong daysDone = new AtomicLong();

    private GeneratedRow[] batch = new GeneratedRow[1 << 12];
    private int batchSize;
    private long[] keys = new long[1 << 12];
    private GeneratedRow[] carry = new GeneratedRow[1 << 12];
    private int carrySize;
    private GeneratedRow[] merged = new GeneratedRow[1 << 12];
    private long sequence;
    private long messages;
    private long rows;
    private int peakHeld;

    public TrafficGenerator(TrafficModel model, Plan plan) {
        this.model = model;
        this.plan = plan;
        this.markets = new MarketState[model.markets().size()];
        for (int i = 0; i < markets.length; i++) {
            MarketState m = new MarketState(i, model.markets().get(i), plan);
            long most = Math.max(m.active(plan.from()), m.active(plan.to()));
            long room = CustomerNumbers.capacity(m.t.numberPrefix(), m.t.numberLength());
            if (most > room) {
                throw new IllegalArgumentException("market " + m.t.market() + ": " + most + " customers (after scale and growth) need more "
                        + "numbers than the " + room + " that prefix " + m.t.numberPrefix() + " and length " + m.t.numberLength()
                        + " allow; lengthen number_length or shorten number_prefix");
            }
            markets[i] = m;
        }
    }

    public TrafficModel model() { return model; }

    public Plan plan() { return plan; }

    /** Days generated so far (for a progress bar; safe to read from another thread). */
    public long daysDone() { return daysDone.get(); }

    /** The most events held at once (carry and batch), a check that memory stays bounded. */
    public int peakHeld() { return peakHeld; }

    /** The customer number of customer {@code index} of market {@code market}, as written in the log. */
    public String customerNumber(int market, long index) { return markets[market].numbers.number(index); }

    /** Customers active in a market on a local day: the start count, scaled, grown per elapsed month. */
    public long activeCustomers(int market, LocalDate day) { return markets[market].active(day); }

    /** Generates every row into {@code sink}; returns how many rows were written. */
    public long run(TrafficSink sink) throws IOException {
        int days = plan.days();
        for (int d = 0; d < days; d++) {
            LocalDate day = plan.from().plusDays(d);
            long daySequence = sequence;
            long watermark = generateAll(day);
            if (d == days - 1) watermark = Long.MAX_VALUE;
            if (!overflowed) flush(sink, watermark);
            else generateInSlices(sink, day, daySequence, watermark);
            daysDone.incrementAndGet();
        }
        return rows;
    }

    /** Generates day {@code day} of every market into the batch (within the window); returns the earliest next day start. */
    private long generateAll(LocalDate day) {
        long watermark = Long.MAX_VALUE;
        for (MarketState m : markets) {
            m.generateDay(day);
            watermark = Math.min(watermark, m.nextDayStart);
        }
        return watermark;
    }

    // ---- days larger than the batch budget: generated again per slice of time ----
    //
    // A day's events are drawn in no time order (each process draws the whole day), so a day is sorted whole. When
    // its events outnumber the budget (a large --scale), the day is generated again: once counting its events per
    // second, then once per slice of time holding at most the budget, keeping only the events of that slice. Every
    // pass draws the same numbers from the same streams and numbers the events the same way, and the slices are
    // emitted in time order through the same merge with the carry, so the rows are the same, byte for byte, as if
    // the day had been held whole; memory is the budget (plus the carry), whatever the scale.

    /** Events a batch may hold before a day is generated in slices; about 100 bytes each, a quarter of the heap. */
    private int budget = (int) Math.max(50_000, Math.min(1 << 28, Runtime.getRuntime().maxMemory() / 400));
    private boolean overflowed, counting, slicing;
    private long windowFrom = Long.MIN_VALUE, windowTo = Long.MAX_VALUE;
    private long countBase;
    private long[] counts = new long[0];
    private final GeneratedRow scratch = new GeneratedRow();

    /** Sets the batch budget (tests use a small one to make every day go in slices); returns this. */
    TrafficGenerator sliceBudget(int events) {
        this.budget = Math.max(1, events);
        return this;
    }

    private void generateInSlices(TrafficSink sink, LocalDate day, long daySequence, long watermark) throws IOException {
        Arrays.fill(batch, 0, batchSize, null);
        batchSize = 0;
        overflowed = false;
        long from = Long.MAX_VALUE, to = Long.MIN_VALUE;
        for (MarketState m : markets) {
            from = Math.min(from, day.atStartOfDay(m.zone).toEpochSecond());
            to = Math.max(to, m.end);
        }
        to = Math.min(to, watermark);
        countBase = from;
        counts = new long[(int) Math.max(1, Math.min(to - from, 4 * DAY))];
        counting = true;
        sequence = daySequence;
        generateAll(day);
        counting = false;
        slicing = true;
        long sliceFrom = Long.MIN_VALUE, held = 0;
        for (int i = 0; i < counts.length; i++) {
            if (held > 0 && held + counts[i] > budget) {
                long cut = countBase + i;
                slice(sink, day, daySequence, sliceFrom, cut, cut);
                sliceFrom = cut;
                held = 0;
            }
            held += counts[i];
        }
        slice(sink, day, daySequence, sliceFrom, watermark, watermark);
        if (watermark != Long.MAX_VALUE) slice(sink, day, daySequence, watermark, Long.MAX_VALUE, watermark); // to the carry
        counts = new long[0];
        slicing = false;
        windowFrom = Long.MIN_VALUE;
        windowTo = Long.MAX_VALUE;
    }

    private void slice(TrafficSink sink, LocalDate day, long daySequence, long from, long to, long emitBefore) throws IOException {
        windowFrom = from;
        windowTo = to;
        sequence = daySequence;
        generateAll(day); // a single second above the budget is held whole: it cannot be split
        flush(sink, emitBefore);
    }

    /** Sorts the batch, merges it into the carry, and emits every event before the watermark. */
    private void flush(TrafficSink sink, long watermark) throws IOException {
        if (batchSize + carrySize > peakHeld) peakHeld = batchSize + carrySize;
        sortBatch();
        int total = batchSize + carrySize;
        if (merged.length < total) merged = new GeneratedRow[Math.max(total, merged.length * 2)];
        int a = 0, b = 0, n = 0;
        while (a < carrySize && b < batchSize) {
            GeneratedRow next = batch[(int) (keys[b] & ((1 << 29) - 1))];
            // Carried events were created earlier, so they go first at equal instants.
            if (carry[a].at <= next.at) merged[n++] = carry[a++];
            else { merged[n++] = next; b++; }
        }
        while (a < carrySize) merged[n++] = carry[a++];
        while (b < batchSize) merged[n++] = batch[(int) (keys[b++] & ((1 << 29) - 1))];
        int emit = 0;
        while (emit < n && merged[emit].at < watermark) {
            GeneratedRow r = merged[emit];
            if (!r.inbound()) r.messageNo = ++messages;
            sink.row(r);
            rows++;
            merged[emit++] = null;
            recycle(r);
        }
        int rest = n - emit;
        if (carry.length < rest) carry = new GeneratedRow[Math.max(rest, carry.length * 2)];
        System.arraycopy(merged, emit, carry, 0, rest);
        Arrays.fill(carry, rest, carrySize > rest ? carrySize : rest, null);
        carrySize = rest;
        Arrays.fill(batch, 0, batchSize, null);
        batchSize = 0;
    }

    /**
     * Rows handed to the sink, kept for the next events: a run creates hundreds of thousands of events a day, and
     * reusing the rows (as many as were held at once, about a day's) allocates nothing in the steady state and keeps
     * them in memory the processor has seen, where a new row per event streamed through the caches.
     */
    private GeneratedRow[] spare = new GeneratedRow[1 << 12];
    private int spareCount;

    private GeneratedRow newRow() { return spareCount > 0 ? spare[--spareCount].reset() : new GeneratedRow(); }

    private void recycle(GeneratedRow r) {
        if (spareCount == spare.length) spare = Arrays.copyOf(spare, spareCount * 2);
        spare[spareCount++] = r;
    }

    private long[] sortScratch = new long[0];
    private final int[] digitCounts = new int[1 << RADIX_BITS];
    private static final int RADIX_BITS = 11, INDEX_BITS = 29;

    /**
     * Puts the batch's indexes in {@link #keys} in time order, ties in creation order: each key is the instant's offset
     * from the batch's earliest (at most 34 bits) above the batch index (29 bits), sorted by a least-significant-digit
     * radix sort over the offset's bits only. It is stable and the keys start in index order, so the result is the
     * keys' full numeric order, as a comparison sort gives it; a day's batch spans a day or two, 18 bits, two passes
     * over the keys where a comparison sort made about thirteen.
     */
    private void sortBatch() {
        int n = batchSize;
        if (keys.length < n) keys = new long[Math.max(n, keys.length * 2)];
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long at = batch[i].at;
            if (at < min) min = at;
            if (at > max) max = at;
        }
        for (int i = 0; i < n; i++) keys[i] = ((batch[i].at - min) << INDEX_BITS) | i;
        int bits = n == 0 ? 0 : 64 - Long.numberOfLeadingZeros(max - min);
        if (n < 1024 || bits > 34) {
            Arrays.sort(keys, 0, n); // few keys: a comparison sort is cheaper than clearing the digit counts
            return;
        }
        if (sortScratch.length < n) sortScratch = new long[keys.length];
        long[] from = keys, to = sortScratch;
        int[] count = digitCounts;
        for (int shift = INDEX_BITS; shift < INDEX_BITS + bits; shift += RADIX_BITS) {
            Arrays.fill(count, 0);
            int mask = count.length - 1;
            for (int i = 0; i < n; i++) count[(int) (from[i] >>> shift) & mask]++;
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long k = from[i];
                to[count[(int) (k >>> shift) & mask]++] = k;
            }
            long[] t = from;
            from = to;
            to = t;
        }
        if (from != keys) System.arraycopy(from, 0, keys, 0, n);
    }

    private GeneratedRow add(MarketState m, long at, long customer, byte type) {
        boolean store = at < m.end && !counting && !overflowed && at >= windowFrom && at < windowTo;
        if (counting && at < m.end) {
            long i = Math.max(0, at - countBase);
            if (i < counts.length) counts[(int) i]++; // later events go to the last slice, carried to the next day
        }
        // A row that is not kept is still filled in: its caller reads it (delivery, status) before the next add.
        GeneratedRow r = store ? newRow() : scratch.reset();
        r.at = at;
        r.market = m.index;
        r.customer = customer;
        r.type = type;
        r.sequence = sequence++;
        if (store) {
            if (batchSize >= budget && !slicing) {
                overflowed = true; // the whole day does not fit: it is generated again in slices
                return r;
            }
            if (batchSize == batch.length) batch = Arrays.copyOf(batch, batchSize * 2);
            if (batchSize >= 1 << 29) throw new IllegalStateException("more than 2^29 events in one day; lower --scale");
            batch[batchSize++] = r;
        }
        return r;
    }

    /** One market's generation state; its fields are valid for the day being generated. */
    private final class MarketState {
        final int index;
        final MarketTraffic t;
        final ZoneId zone;
        final CustomerNumbers numbers;
        final double[] hourCumulative = new double[24];
        final long[] hourStart = new long[25];
        final long end;
        final int firstMonth;
        final double base;
        final double logOneMinusAudience;
        final double continueSession;
        long nextDayStart;
        long active;

        MarketState(int index, MarketTraffic t, Plan plan) {
            this.index = index;
            this.t = t;
            this.zone = t.zone();
            this.numbers = new CustomerNumbers(t.numberPrefix(), t.numberLength(), index);
            double sum = 0;
            for (double w : t.hourly()) sum += w;
            double acc = 0;
            for (int h = 0; h < 24; h++) {
                acc += t.hourly()[h] / sum;
                hourCumulative[h] = acc;
            }
            hourCumulative[23] = 1.0;
            this.end = plan.to().plusDays(1).atStartOfDay(zone).toEpochSecond();
            this.firstMonth = plan.from().getYear() * 12 + plan.from().getMonthValue();
            this.base = t.customers() * plan.scale();
            double share = t.marketing().audienceShare();
            this.logOneMinusAudience = share > 0 && share < 1 ? Math.log(1 - share) : 0;
            this.continueSession = 1 - 1 / t.sessions().messagesMean();
        }

        long active(LocalDate day) {
            int month = day.getYear() * 12 + day.getMonthValue() - firstMonth;
            return Math.round(base * Math.pow(1 + plan.monthlyGrowth(), month));
        }

        void generateDay(LocalDate day) {
            for (int h = 0; h < 24; h++) hourStart[h] = day.atTime(LocalTime.of(h, 0)).atZone(zone).toEpochSecond();
            hourStart[24] = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
            nextDayStart = hourStart[24];
            active = active(day);
            if (active <= 0) return;
            long epochDay = day.toEpochDay();
            double weekday = t.weekly()[day.getDayOfWeek().getValue() - 1];
            sessions(RandomDraws.stream(plan.seed(), index, epochDay, SESSIONS), weekday);
            utility(RandomDraws.stream(plan.seed(), index, epochDay, UTILITY), weekday);
            authentication(RandomDraws.stream(plan.seed(), index, epochDay, AUTHENTICATION), weekday);
            marketing(RandomDraws.stream(plan.seed(), index, epochDay, MARKETING), day.getDayOfWeek());
        }

        /** A local instant of the day drawn from the hourly profile, uniform within its hour. */
        long instant(SplittableRandom r) {
            double u = r.nextDouble();
            int h = 0;
            while (h < 23 && u >= hourCumulative[h]) h++;
            long len = hourStart[h + 1] - hourStart[h];
            return hourStart[h] + (len <= 0 ? 0 : (long) (r.nextDouble() * len));
        }

        void sessions(SplittableRandom r, double weekday) {
            long n = RandomDraws.poisson(r, active * t.sessions().perCustomerDay() * weekday);
            for (long i = 0; i < n; i++) {
                long customer = r.nextLong(active);
                long at = instant(r);
                session(r, customer, at, r.nextDouble() < t.sessions().ctwaShare());
            }
        }

        /** A session: inbound messages, each answered by free-form replies (and maybe a reaction). */
        void session(SplittableRandom r, long customer, long at, boolean ctwa) {
            MarketTraffic.Sessions s = t.sessions();
            boolean first = true;
            while (true) {
                GeneratedRow in = add(this, at, customer, r.nextDouble() < s.callShare() ? GeneratedRow.IN_CALL : GeneratedRow.IN_MESSAGE);
                in.ctwa = first && ctwa;
                first = false;
                long last = at;
                if (r.nextDouble() < s.reactionProbability()) {
                    outbound(r, at + Math.round(RandomDraws.exponential(r, s.replyDelaySeconds())), customer, GeneratedRow.REACTION, GeneratedRow.NO_CATEGORY);
                }
                long replies = RandomDraws.poisson(r, s.repliesPerMessage());
                for (long j = 0; j < replies; j++) {
                    last += Math.round(RandomDraws.exponential(r, s.replyDelaySeconds()));
                    boolean agent = s.agentShare() > 0 && r.nextDouble() < s.agentShare();
                    GeneratedRow out = outbound(r, last, customer, agent ? GeneratedRow.AGENT : GeneratedRow.FREE_FORM, GeneratedRow.NO_CATEGORY);
                    if (agent) out.tokens = (int) Math.round(s.agentTokensMean() * (0.5 + r.nextDouble()));
                }
                if (r.nextDouble() >= continueSession) return;
                at = last + Math.max(1, Math.round(RandomDraws.exponential(r, s.gapSeconds())));
                if (at >= end) return;
            }
        }

        void utility(SplittableRandom r, double weekday) {
            MarketTraffic.Utility u = t.utility();
            long n = RandomDraws.poisson(r, active * u.eventsPerCustomerDay() * weekday);
            for (long i = 0; i < n; i++) {
                long customer = r.nextLong(active);
                long at = instant(r);
                long count = 1 + RandomDraws.poisson(r, u.messagesPerEvent() - 1);
                for (long j = 0; j < count; j++) {
                    if (j > 0) at += Math.max(1, Math.round(RandomDraws.exponential(r, u.spacingHours() * 3600)));
                    if (at >= end) break;
                    template(r, at, customer, GeneratedRow.UTILITY, u.reply());
                }
            }
        }

        void authentication(SplittableRandom r, double weekday) {
            MarketTraffic.Authentication a = t.authentication();
            long n = RandomDraws.poisson(r, active * a.requestsPerCustomerDay() * weekday);
            for (long i = 0; i < n; i++) {
                long customer = r.nextLong(active);
                long at = instant(r);
                template(r, at, customer, GeneratedRow.AUTHENTICATION, a.reply());
                for (int k = 0; k < a.maxRetries() && r.nextDouble() < a.retryProbability(); k++) {
                    at += Math.max(1, Math.round(RandomDraws.exponential(r, a.retryDelaySeconds())));
                    template(r, at, customer, GeneratedRow.AUTHENTICATION, a.reply());
                }
            }
        }

        void marketing(SplittableRandom r, DayOfWeek dow) {
            MarketTraffic.Marketing m = t.marketing();
            if (!m.days().contains(dow) || m.audienceShare() <= 0) return;
            double perDay = m.campaignsPerWeek() / m.days().size();
            int campaigns = (int) Math.floor(perDay) + (r.nextDouble() < perDay - Math.floor(perDay) ? 1 : 0);
            long burst = Math.round(m.burstMinutes() * 60);
            for (int c = 0; c < campaigns; c++) {
                int hour = m.sendHour() + 4 * c;
                if (hour > 23) break;
                long start = hourStart[hour];
                long customer = m.audienceShare() >= 1 ? 0 : RandomDraws.geometricSkip(r, logOneMinusAudience);
                while (customer < active) {
                    template(r, start + (long) (r.nextDouble() * burst), customer, GeneratedRow.MARKETING, m.reply());
                    customer += m.audienceShare() >= 1 ? 1 : 1 + RandomDraws.geometricSkip(r, logOneMinusAudience);
                }
            }
        }

        void template(SplittableRandom r, long at, long customer, byte category, MarketTraffic.CustomerReply reply) {
            GeneratedRow row = outbound(r, at, customer, GeneratedRow.TEMPLATE, category);
            if (row.status != GeneratedRow.FAILED && reply.probability() > 0 && r.nextDouble() < reply.probability()) {
                long delivered = row.deliveredAt >= 0 ? row.deliveredAt : row.at;
                double minutes = reply.medianMinutes() * Math.exp(reply.sigma() * r.nextGaussian());
                long replyAt = delivered + Math.max(1, Math.round(minutes * 60));
                if (replyAt < end) session(r, customer, replyAt, false);
            }
        }

        /** An outbound message with its fate: failed, or delivered after a delay and maybe read. */
        GeneratedRow outbound(SplittableRandom r, long at, long customer, byte type, byte category) {
            GeneratedRow row = add(this, at, customer, type);
            row.category = category;
            MarketTraffic.Delivery d = t.delivery();
            if (r.nextDouble() < d.failureRate()) {
                row.status = GeneratedRow.FAILED;
            } else {
                long delay = Math.round(RandomDraws.exponential(r, d.meanDelaySeconds()));
                if (delay > 0) row.deliveredAt = at + delay;
                row.status = r.nextDouble() < d.readShare() ? GeneratedRow.READ : GeneratedRow.DELIVERED;
            }
            return row;
        }
    }
}
