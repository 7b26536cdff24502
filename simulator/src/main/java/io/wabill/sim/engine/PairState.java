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
    // The ends of the five conversation slots (ConversationSlot), as fields: an array would be one more object,
    // one more cache miss per event.
    private long end0 = CLOSED, end1 = CLOSED, end2 = CLOSED, end3 = CLOSED, end4 = CLOSED;
    /** Made by the first conversation (CBP only), so a per-message pair stays small; read only while one is open. */
    long[] conversationId;
    BillableCategory[] conversationCategory;
    /** The table that holds this state and the latest end of anything open for it. */
    private final PairTable table;

    PairState(PairTable table) {
        this.table = table;
        reset();
    }

    void reset() {
        cswEnd = CLOSED;
        entryAt = CLOSED;
        entryPending = false;
        latestInboundIsEntry = false;
        fepEnd = CLOSED;
        fepConversation = 0;
        closeConversations();
        // A conversation's id and category are read only while it is open, and opening one sets both.
    }

    boolean cswOpen(long t) { return t < cswEnd; }

    boolean fepOpen(long t) { return t < fepEnd; }

    /** A reply at {@code t} may use the pending entry when it comes within 24 h of the entry message. */
    boolean entryAvailable(long t) { return entryPending && t >= entryAt && t < entryAt + DAY; }

    boolean conversationOpen(int slot, long t) { return t < conversationEnd(slot); }

    /** The end of a slot's conversation, {@link #CLOSED} when none was opened. */
    long conversationEnd(int slot) {
        switch (slot) {
            case 0: return end0;
            case 1: return end1;
            case 2: return end2;
            case 3: return end3;
            case 4: return end4;
            default: throw new IllegalArgumentException("conversation slot 0.." + (ConversationSlot.COUNT - 1) + ", was " + slot);
        }
    }

    /** Sets the end of a slot's conversation. */
    void conversationEnd(int slot, long end) {
        switch (slot) {
            case 0: end0 = end; break;
            case 1: end1 = end; break;
            case 2: end2 = end; break;
            case 3: end3 = end; break;
            case 4: end4 = end; break;
            default: throw new IllegalArgumentException("conversation slot 0.." + (ConversationSlot.COUNT - 1) + ", was " + slot);
        }
    }

    /** Opens a conversation of a slot until {@code end} (B1, C2). */
    void openConversation(int slot, long end, long id, BillableCategory category) {
        if (conversationId == null) {
            conversationId = new long[ConversationSlot.COUNT];
            conversationCategory = new BillableCategory[ConversationSlot.COUNT];
        }
        conversationEnd(slot, end);
        conversationId[slot] = id;
        conversationCategory[slot] = category;
        extend(end);
    }

    /** The open conversation that expires last, or -1 (C3). */
    int latestOpenConversation(long t) {
        int best = -1;
        for (int s = 0; s < ConversationSlot.COUNT; s++) {
            long end = conversationEnd(s);
            if (t < end && (best < 0 || end > conversationEnd(best))) best = s;
        }
        return best;
    }

    void closeConversations() { end0 = end1 = end2 = end3 = end4 = CLOSED; }

    /**
     * Records that something of the pair stays open until {@code end}; every write of an end calls it, so the
     * table knows when the pair may be forgotten (service window, entry message + 24 h, FEP window, conversations).
     */
    void extend(long end) { table.extend(this, end); }
}
