package io.wabill.sim.exec;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a strategy did to the log's business messages: every intended message ends sent (as logged or
 * changed), refused by the platform because of the strategy (G7, G8), dropped by the strategy with a reason, or
 * still pending when the log ended (then priced as if sent at the log's last instant). Delays are in
 * milliseconds, from the instant the log has the message (its evaluation instant: delivery, or send under NBP)
 * to the instant it goes out.
 */
public final class ReplayStats {
    long intended;
    long sentAsLogged;
    long sentChanged;
    long deferred;
    long dropped;
    long pending;
    long refused;
    final Map<String, Long> dropReasons = new TreeMap<>();
    final Map<String, Long> refusals = new TreeMap<>();
    final Map<String, Long> pendingUnits = new TreeMap<>();
    /**
     * Delays counted per distinct value, not kept one by one: a log of millions of deferred messages has only as
     * many distinct delays as the deferral horizon has instants (86,400 for a day at whole seconds), so memory does
     * not grow with the log while the mean and the 95th percentile stay exact.
     */
    private final TreeMap<Long, long[]> delays = new TreeMap<>();
    private int delayCount;
    private long delaySum;

    void delay(long millis) {
        delays.computeIfAbsent(millis, k -> new long[1])[0]++;
        delayCount++;
        delaySum += millis;
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
        long seen = 0;
        for (Map.Entry<Long, long[]> e : delays.entrySet()) {
            seen += e.getValue()[0];
            if (seen >= rank) return e.getKey();
        }
        return delays.lastKey();
    }

    /** True when every intended message is accounted for. */
    public boolean balanced() { return intended == sentAsLogged + sentChanged + refused + dropped + pending; }
}
