package io.wabill.sim.events;

/**
 * The ordering contract of the executive: events fire by instant, then priority (a user's message before
 * a business message at the same instant, so a reply stamped in the same second as the question sees the
 * window it opened), then insertion order (file, then line).
 */
public final class EventOrder {
    private EventOrder() {}

    public static int priority(Message m) { return m.isInbound() ? 0 : 1; }

    public static int compare(long instantA, Message a, long instantB, Message b) {
        int c = Long.compare(instantA, instantB);
        if (c != 0) return c;
        c = Integer.compare(priority(a), priority(b));
        if (c != 0) return c;
        return Long.compare(a.sequence(), b.sequence());
    }
}
