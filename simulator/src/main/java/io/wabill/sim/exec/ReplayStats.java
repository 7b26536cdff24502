package io.wabill.sim.exec;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a strategy did to the log's business messages: every intended message ends sent (as logged or
 * changed), dropped with a reason, still pending when the log ended, or unpriced (sent, but no card or rate could
 * price it: a skipped row with {@code --on-error skip}). Delays are in milliseconds.
 */
public final class ReplayStats {
    long intended;
    long sentAsLogged;
    long sentChanged;
    long deferred;
    long dropped;
    long pending;
    long unpriced;
    final Map<String, Long> dropReasons = new TreeMap<>();
    private long[] delays = new long[64];
    private int delayCount;

    void delay(long millis) {
        if (delayCount == delays.length) delays = Arrays.copyOf(delays, delayCount * 2);
        delays[delayCount++] = millis;
    }

    public long intended() { return intended; }

    public long sentAsLogged() { return sentAsLogged; }

    public long sentChanged() { return sentChanged; }

    /** Messages held back at least once. */
    public long deferred() { return deferred; }

    public long dropped() { return dropped; }

    public long pending() { return pending; }

    /** Messages the strategy sent that could not be priced (no card, no rate): skipped and listed with the bad rows. */
    public long unpriced() { return unpriced; }

    public Map<String, Long> dropReasons() { return dropReasons; }

    /** Deferred messages that were sent, with their delay. */
    public int delayedAndSent() { return delayCount; }

    public double meanDelayMillis() {
        if (delayCount == 0) return 0;
        double sum = 0;
        for (int i = 0; i < delayCount; i++) sum += delays[i];
        return sum / delayCount;
    }

    /** The delay that 95% of delayed messages do not exceed (nearest rank), 0 when none were delayed. */
    public long p95DelayMillis() {
        if (delayCount == 0) return 0;
        long[] sorted = Arrays.copyOf(delays, delayCount);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.95 * delayCount);
        return sorted[Math.max(0, rank - 1)];
    }

    /** True when every intended message is accounted for. */
    public boolean balanced() { return intended == sentAsLogged + sentChanged + dropped + pending + unpriced; }
}
