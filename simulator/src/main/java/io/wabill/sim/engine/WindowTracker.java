package io.wabill.sim.engine;

/**
 * The window-tracking core of the engine on its own: the customer service window (G6), the free entry point
 * and its window (D5) and the CBP conversations (B5, C4) of (business, customer) pairs, held in the engine's
 * {@link PairTable}, which forgets a pair once nothing about it is open. It answers what the engine asks
 * before pricing a business message; rates, counters and the ledger are left out, so the loop can be measured
 * and reasoned about alone (benchmarks, capacity planning).
 */
public final class WindowTracker {
    /** Outcomes of {@link #business}. */
    public static final int FREE_ENTRY_POINT = 1, FREE_SERVICE = 2, IN_CONVERSATION = 3, CHARGED = 4;

    private final PairTable pairs = new PairTable();
    private final PairState cursor = new PairState(pairs);
    private final long fepWindow;
    private long clock = Long.MIN_VALUE;

    /** @param fepWindowMillis the FEP window length (D5: 72 h) */
    public WindowTracker(long fepWindowMillis) { this.fepWindow = fepWindowMillis; }

    /** A customer's message at {@code t}: opens or resets the service window; a free entry point may open (G6, D5). */
    public void customer(long business, long customer, long t, boolean freeEntryPoint) {
        PairState p = state(business, customer, t);
        p.cswEnd(t + PairState.DAY);
        p.extend(p.cswEnd());
        p.latestInboundIsEntry(freeEntryPoint);
        if (freeEntryPoint) {
            p.entryAt(t);
            p.entryPending(true);
        }
    }

    /**
     * A business message delivered at {@code t}: free inside an FEP window or as the reply that opens one (D5);
     * a utility template is free inside the service window (D3); otherwise it joins an open conversation of its
     * slot (0..4, B1/C2) or opens one of 24 h, rounded up to the minute (B5, C4), and is charged.
     */
    public int business(long business, long customer, long t, int slot, boolean utility) {
        PairState p = state(business, customer, t);
        if (p.fepOpen(t)) return FREE_ENTRY_POINT;
        if (p.entryAvailable(t)) {
            p.entryPending(false);
            p.fepEnd(t + fepWindow);
            p.extend(p.fepEnd());
            return FREE_ENTRY_POINT;
        }
        if (utility && p.cswOpen(t)) return FREE_SERVICE;
        if (p.conversationOpen(slot, t)) return IN_CONVERSATION;
        long rounded = Math.floorMod(t, 60_000L) == 0 ? t : t - Math.floorMod(t, 60_000L) + 60_000L;
        p.conversationEnd(slot, rounded + PairState.DAY);
        p.extend(rounded + PairState.DAY);
        return CHARGED;
    }

    /** Whether the pair's service window is open at {@code t} (what a strategy asks, G7). */
    public boolean serviceWindowOpen(long business, long customer, long t) {
        return state(business, customer, t).cswOpen(t);
    }

    private PairState state(long business, long customer, long t) {
        if (t > clock) clock = t;
        return pairs.get(business, customer, clock, cursor);
    }

    /** Pairs held now. */
    public int pairsHeld() { return pairs.size(); }

    /** The most pairs held at once. */
    public int peakPairs() { return pairs.peak(); }
}
