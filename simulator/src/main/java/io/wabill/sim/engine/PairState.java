package io.wabill.sim.engine;

import io.wabill.sim.domain.BillableCategory;

/**
 * Window state of one (business number, user) pair: the customer service window (G6, A2), the pending
 * free entry point and its window (B4, C7, D5), and the open CBP conversations (B1, C2). Every end is an
 * exclusive epoch-millisecond bound: windows are half-open (G6).
 */
final class PairState {
    static final long CLOSED = Long.MIN_VALUE;
    static final long DAY = 24L * 3600 * 1000;

    long business = -1;
    long customer;
    long cswEnd = CLOSED;
    /** Instant of the user's latest free entry point message, and whether a reply has used it. */
    long entryAt = CLOSED;
    boolean entryPending;
    /** Whether the user's latest message of all was a free entry point message (B4 asks for the latest). */
    boolean latestInboundIsEntry;
    long fepEnd = CLOSED;
    long fepConversation;
    final long[] conversationEnd = new long[ConversationSlot.COUNT];
    /** Made by the first conversation (CBP only), so a per-message pair stays small; read only while one is open. */
    long[] conversationId;
    BillableCategory[] conversationCategory;
    /**
     * The latest end of anything ever opened for the pair (kept by {@link #extend}); past it nothing about the
     * pair can matter, so the table may forget it after one read of this field.
     */
    long liveUntil = CLOSED;

    PairState() { reset(); }

    void reset() {
        liveUntil = CLOSED;
        cswEnd = CLOSED;
        entryAt = CLOSED;
        entryPending = false;
        latestInboundIsEntry = false;
        fepEnd = CLOSED;
        fepConversation = 0;
        java.util.Arrays.fill(conversationEnd, CLOSED);
        // A conversation's id and category are read only while it is open, and opening one sets both.
    }

    boolean cswOpen(long t) { return t < cswEnd; }

    boolean fepOpen(long t) { return t < fepEnd; }

    /** A reply at {@code t} may use the pending entry when it comes within 24 h of the entry message. */
    boolean entryAvailable(long t) { return entryPending && t >= entryAt && t < entryAt + DAY; }

    boolean conversationOpen(int slot, long t) { return t < conversationEnd[slot]; }

    /** Opens a conversation of a slot until {@code end} (B1, C2). */
    void openConversation(int slot, long end, long id, BillableCategory category) {
        if (conversationId == null) {
            conversationId = new long[ConversationSlot.COUNT];
            conversationCategory = new BillableCategory[ConversationSlot.COUNT];
        }
        conversationEnd[slot] = end;
        conversationId[slot] = id;
        conversationCategory[slot] = category;
        extend(end);
    }

    /** The open conversation that expires last, or -1 (C3). */
    int latestOpenConversation(long t) {
        int best = -1;
        for (int s = 0; s < ConversationSlot.COUNT; s++) {
            if (t < conversationEnd[s] && (best < 0 || conversationEnd[s] > conversationEnd[best])) best = s;
        }
        return best;
    }

    void closeConversations() { java.util.Arrays.fill(conversationEnd, CLOSED); }

    /** Records that something of the pair stays open until {@code end}; every write of an end calls it. */
    void extend(long end) {
        if (end > liveUntil) liveUntil = end;
    }

    /**
     * Whether anything about this pair can still matter after {@code t}; if not, it may be forgotten. Every end
     * (service window, entry message + 24 h, FEP window, conversations) went through {@link #extend}, so this is
     * at least as long as the latest of them.
     */
    boolean liveAfter(long t) { return t < liveUntil; }
}
