package io.wabill.sim.engine;

import io.wabill.sim.domain.BillableCategory;

/**
 * Window state of one (business number, user) pair: the customer service window (G6, A2), the pending
 * free entry point and its window (B4, C7, D5), and the open CBP conversations (B1, C2). Every end is an
 * exclusive epoch-millisecond bound: windows are half-open (G6).
 *
 * <p>The state lives inline in its {@link PairTable} slot (with the pair's key, the service window and flags; the
 * rest at the same index of a second array), so a message costs one cache miss for its pair instead of one for the
 * key, one for the reference and one for a state object. This class is a cursor on a slot: {@link PairTable#get} points it at the pair's slot, and it stays
 * valid until the next {@code get} on the table (which may move slots when it sweeps).
 */
final class PairState {
    static final long CLOSED = Long.MIN_VALUE;
    static final long DAY = 24L * 3600 * 1000;

    private final PairTable table;
    /** The index in {@link PairTable#slots} of the slot's first long. */
    int base = -1;

    PairState(PairTable table) { this.table = table; }

    private long[] s() { return table.slots; }

    long cswEnd() { return s()[base + PairTable.CSW_END]; }

    void cswEnd(long end) { table.cswEnd(base, end); }

    /** Instant of the user's latest free entry point message. */
    long entryAt() { return table.cold[base + PairTable.ENTRY_AT]; }

    void entryAt(long at) { table.cold[base + PairTable.ENTRY_AT] = at; }

    /** The FEP window's end; most pairs never had one, which the slot's flags say without reading the rest. */
    long fepEnd() {
        return (s()[base + PairTable.FLAGS] & PairTable.HAS_FEP) == 0 ? CLOSED : table.cold[base + PairTable.FEP_END];
    }

    void fepEnd(long end) {
        table.cold[base + PairTable.FEP_END] = end;
        flag(PairTable.HAS_FEP, true);
    }

    long fepConversation() { return table.cold[base + PairTable.FEP_CONVERSATION]; }

    void fepConversation(long id) { table.cold[base + PairTable.FEP_CONVERSATION] = id; }

    /** Whether a reply has not yet used the user's latest free entry point message. */
    boolean entryPending() { return (s()[base + PairTable.FLAGS] & PairTable.ENTRY_PENDING) != 0; }

    void entryPending(boolean pending) { flag(PairTable.ENTRY_PENDING, pending); }

    /** Whether the user's latest message of all was a free entry point message (B4 asks for the latest). */
    boolean latestInboundIsEntry() { return (s()[base + PairTable.FLAGS] & PairTable.LATEST_IS_ENTRY) != 0; }

    void latestInboundIsEntry(boolean entry) { flag(PairTable.LATEST_IS_ENTRY, entry); }

    private void flag(long bit, boolean on) {
        long[] s = s();
        int i = base + PairTable.FLAGS;
        s[i] = on ? s[i] | bit : s[i] & ~bit;
    }

    /**
     * The customer's country as the engine's index, cached with the pair (G4: it depends on the customer's digits
     * only); -1 when not cached for a customer written with {@code digits} digits (0 for an identifier that is not a
     * number). The pair's key drops leading zeros, so the digit count is checked too.
     */
    int country(int digits) {
        long f = s()[base + PairTable.FLAGS];
        if ((f & PairTable.COUNTRY_KNOWN) == 0 || ((f >>> PairTable.DIGITS_SHIFT) & 0x1F) != digits) return -1;
        return (int) (f >>> PairTable.COUNTRY_SHIFT);
    }

    void country(int digits, int index) {
        long[] s = s();
        int i = base + PairTable.FLAGS;
        long keep = s[i] & (PairTable.ENTRY_PENDING | PairTable.LATEST_IS_ENTRY | PairTable.HAS_CONVERSATIONS | PairTable.HAS_FEP);
        s[i] = keep | PairTable.COUNTRY_KNOWN | ((long) digits << PairTable.DIGITS_SHIFT) | ((long) index << PairTable.COUNTRY_SHIFT);
    }

    boolean cswOpen(long t) { return t < cswEnd(); }

    boolean fepOpen(long t) { return t < fepEnd(); }

    /** A reply at {@code t} may use the pending entry when it comes within 24 h of the entry message. */
    boolean entryAvailable(long t) {
        if (!entryPending()) return false;
        long at = entryAt();
        return t >= at && t < at + DAY;
    }

    boolean conversationOpen(int slot, long t) { return t < conversationEnd(slot); }

    /** The pair's conversations, or null when it never opened one (a per-message pair stays one slot). */
    private Conversations conversations() {
        return (s()[base + PairTable.FLAGS] & PairTable.HAS_CONVERSATIONS) == 0 ? null : table.conversations[base / PairTable.STRIDE];
    }

    /** The end of a slot's conversation, {@link #CLOSED} when none was opened. */
    long conversationEnd(int slot) {
        checkSlot(slot);
        Conversations c = conversations();
        return c == null ? CLOSED : c.end[slot];
    }

    /** Sets the end of a slot's conversation. */
    void conversationEnd(int slot, long end) {
        checkSlot(slot);
        Conversations c = conversations();
        if (c == null) {
            if (end == CLOSED) return;
            c = table.newConversations(base);
        }
        c.end[slot] = end;
    }

    /** The number of a slot's conversation; read only while it is open. */
    long conversationId(int slot) { return conversations().id[slot]; }

    /** The billable category of a slot's conversation; read only while it is open. */
    BillableCategory conversationCategory(int slot) { return conversations().category[slot]; }

    /** Opens a conversation of a slot until {@code end} (B1, C2). */
    void openConversation(int slot, long end, long id, BillableCategory category) {
        checkSlot(slot);
        Conversations c = conversations();
        if (c == null) c = table.newConversations(base);
        c.end[slot] = end;
        c.id[slot] = id;
        c.category[slot] = category;
        extend(end);
    }

    /** The open conversation that expires last, or -1 (C3). */
    int latestOpenConversation(long t) {
        Conversations c = conversations();
        if (c == null) return -1;
        int best = -1;
        for (int s = 0; s < ConversationSlot.COUNT; s++) {
            long end = c.end[s];
            if (t < end && (best < 0 || end > c.end[best])) best = s;
        }
        return best;
    }

    void closeConversations() {
        Conversations c = conversations();
        if (c != null) java.util.Arrays.fill(c.end, CLOSED);
    }

    /**
     * Records that something of the pair stays open until {@code end}; every write of an end calls it, so the
     * table knows when the pair may be forgotten (service window, entry message + 24 h, FEP window, conversations).
     */
    void extend(long end) { table.extend(this, end); }

    private static void checkSlot(int slot) {
        if (slot < 0 || slot >= ConversationSlot.COUNT)
            throw new IllegalArgumentException("conversation slot 0.." + (ConversationSlot.COUNT - 1) + ", was " + slot);
    }

    /**
     * The CBP conversations of a pair (B1, C2), made by its first conversation, so a per-message pair stays one
     * slot; a conversation's id and category are read only while it is open, and opening one sets both.
     */
    static final class Conversations {
        final long[] end = new long[ConversationSlot.COUNT];
        final long[] id = new long[ConversationSlot.COUNT];
        final BillableCategory[] category = new BillableCategory[ConversationSlot.COUNT];

        Conversations() { java.util.Arrays.fill(end, CLOSED); }
    }
}
