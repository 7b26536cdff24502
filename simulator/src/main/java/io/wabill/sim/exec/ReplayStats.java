package io.wabill.sim.exec;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a strategy did to the log's business messages: every intended message ends sent (as logged or
 * changed), refused by the platform because of the strategy (G7, G8), dropped by the strategy with a reason,
 * still pending when the log ended (then priced as if sent at the log's last instant), or unpriced (sent, but no
 * card or rate could price it: a skipped row with {@code --on-error skip}). Delays are in milliseconds, from the
 * instant the log has the message (its evaluation instant: delivery, or send under NBP) to the instant it goes out.
 */
public final class ReplayStats {
    long intended;
    long sentAsLogged;
    long sentChanged;
    long deferred;
    long dropped;
    long pending;
    long refused;
    long unpriced;
    final Map<String, Long> dropReasons = new TreeMap<>();
    final Map<String, Long> refusals = new TreeMap<>();
    final Map<String, Long> pendingUnits = new TreeMap<>();
    /**
     * Delays counted per distinct value, not kept one by one: a log of millions of deferred messages has only as
     * many distinct delays as the deferral horizon has instants (86,400 for a day at whole seconds), so memory does
     * not grow with the log while the mean and the 95th percentile stay exact. Open addressing over primitive keys
     * (a delayed message boxed a key and walked a tree before); sorted only when the percentile is asked for.
     */
    private long[] delayKeys = emptyDelays(256);
    private long[] delayCounts = new long[256];
    private int distinctDelays;
    private int delayCount;
    private long delaySum;
    private static final long NO_DELAY = Long.MIN_VALUE;

    private static long[] emptyDelays(int n) {
        long[] k = new long[n];
        java.util.Arrays.fill(k, NO_DELAY);
        return k;
    }

    void delay(long millis) {
        if (millis == NO_DELAY) throw new IllegalArgumentException("delay out of range");
        count(millis, 1);
        delayCount++;
        delaySum += millis;
    }

    private void count(long millis, long n) {
        int mask = delayKeys.length - 1;
        long h = millis * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (delayKeys[i] != NO_DELAY && delayKeys[i] != millis) i = (i + 1) & mask;
        if (delayKeys[i] == NO_DELAY) {
            if (2 * (distinctDelays + 1) > delayKeys.length) {
                long[] keys = delayKeys, counts = delayCounts;
                delayKeys = emptyDelays(keys.length * 2);
                delayCounts = new long[keys.length * 2];
                distinctDelays = 0;
                for (int j = 0; j < keys.length; j++) if (keys[j] != NO_DELAY) count(keys[j], counts[j]);
                count(millis, n);
                return;
            }
            delayKeys[i] = millis;
            distinctDelays++;
        }
        delayCounts[i] += n;
    }

    public long intended() { return intended; }

    public long sentAsLogged() { return sentAsLogged; }

    public long sentChanged() { return sentChanged; }

    /** Messages held back at least once. */
    public long deferred() { return deferred; }

    /** Messages the strategy chose not to send (they have no ledger row). */
    public long dropped() { return dropped; }

    /**
     * Messages the platform refused only because of what the strategy did (G7: a free-form reply moved past its
     * window; G8: a template turned marketing to a blocked country); as logged they were not refused. They have a
     * {@code rejected} ledger row and are lost to the customer like a dropped message.
     */
    public long refused() { return refused; }

    /** Every message lost because of the strategy: dropped plus refused. */
    public long lost() { return dropped + refused; }

    /** Refusals caused by the strategy, by the platform's rule and error code. */
    public Map<String, Long> refusals() { return refusals; }

    /** Messages still held when the log ended; each is priced as if sent at the log's last instant. */
    public long pending() { return pending; }

    /** Messages the strategy sent that could not be priced (no card, no rate): skipped and listed with the bad rows. */
    public long unpriced() { return unpriced; }

    /** The amount of the pending messages per currency, in 10^-8 units (part of the scenario's total). */
    public Map<String, Long> pendingUnits() { return pendingUnits; }

    public Map<String, Long> dropReasons() { return dropReasons; }

    /** Deferred messages that were sent, with their delay. */
    public int delayedAndSent() { return delayCount; }

    public double meanDelayMillis() {
        if (delayCount == 0) return 0;
        return (double) delaySum / delayCount;
    }

    /** The delay that 95% of delayed messages do not exceed (nearest rank), 0 when none were delayed. */
    public long p95DelayMillis() {
        if (delayCount == 0) return 0;
        long rank = Math.max(1, (long) Math.ceil(0.95 * delayCount));
        long[] distinct = new long[distinctDelays];
        int n = 0;
        for (long k : delayKeys) if (k != NO_DELAY) distinct[n++] = k;
        java.util.Arrays.sort(distinct);
        long seen = 0;
        for (long d : distinct) {
            seen += countOf(d);
            if (seen >= rank) return d;
        }
        return distinct[distinct.length - 1];
    }

    private long countOf(long millis) {
        int mask = delayKeys.length - 1;
        long h = millis * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (delayKeys[i] != millis) i = (i + 1) & mask;
        return delayCounts[i];
    }

    /** True when every intended message is accounted for. */
    public boolean balanced() { return intended == sentAsLogged + sentChanged + refused + dropped + pending + unpriced; }
}
