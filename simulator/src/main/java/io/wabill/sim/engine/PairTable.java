package io.wabill.sim.engine;

import java.util.Arrays;

/**
 * Pair states keyed by (business index, customer key) in open addressing over primitive keys. A slot is
 * {@link #STRIDE} longs side by side, 32 bytes: business, customer, the service window's end and the flags
 * (two booleans of the state, whether the pair has an entry point window or conversations, and the customer's
 * country, see {@link PairState}), so a per-message message reads one slot, half a cache line, instead of a key,
 * a reference and a state object. What fewer messages need sits at the same index of a second array
 * ({@link #cold}): the latest end of anything open for the pair but the service window (so its "until" is the
 * larger of that and the window's end), the entry message's instant, the FEP window and its conversation.
 * A sweep decides which pairs to forget by scanning the two arrays. Pairs whose
 * windows have all closed are swept out when the table fills, so memory follows the pairs with an open
 * window, not the length of the log. The CBP conversations of a pair, when it has any, sit in a side object
 * ({@link PairState.Conversations}), kept for reuse when swept, so a steady stream of pairs allocates nothing.
 *
 * <p>A pair's "until" is raised through {@link PairState#extend}, which the engine calls for the pair of the
 * event being priced, the one {@link #get} returned last.
 */
final class PairTable {
    private static final int MIN_CAPACITY = 1 << 12;
    private static final long EMPTY = -1;
    /**
     * After a sweep the table has at least this many slots per live pair, and sweeps again at half full: so it
     * keeps up to three closed pairs per live one, whose customers often come back. A lookup that finds its
     * pair is several times faster than one that must create it (the branch on a cache miss cannot be
     * predicted).
     */
    private static final int GROWTH = 8;
    /** Conversation objects kept for reuse at most; beyond, swept ones are left to the collector. */
    private static final int MAX_FREE = 1 << 20;

    /** Longs per slot in {@link #slots} and in {@link #cold}, and the offset of each field there. */
    static final int STRIDE = 4;
    static final int BUSINESS = 0, CUSTOMER = 1, CSW_END = 2, FLAGS = 3;
    static final int UNTIL = 0, ENTRY_AT = 1, FEP_END = 2, FEP_CONVERSATION = 3;
    /**
     * Bits of a slot's {@link #FLAGS}: two booleans of the state, whether it has an FEP window end (else it is
     * {@link PairState#CLOSED}) and conversations, and the cached country.
     */
    static final long ENTRY_PENDING = 1, LATEST_IS_ENTRY = 2, HAS_CONVERSATIONS = 4, COUNTRY_KNOWN = 8, HAS_FEP = 16;
    static final int DIGITS_SHIFT = 8, COUNTRY_SHIFT = 16;

    /** The slots, {@link #STRIDE} longs each; read by {@link PairState} cursors. */
    long[] slots;
    /** The rest of each pair's state, {@link #STRIDE} longs per slot at the slot's index. */
    long[] cold;
    /** The conversations of slot i, or null; meaningful only when its {@link #HAS_CONVERSATIONS} flag is set. */
    PairState.Conversations[] conversations;
    private int capacity;
    private int size;
    private int sweepAt;
    private long swept;
    private int peak;
    private int current = -1;
    private PairState.Conversations[] free = new PairState.Conversations[256];
    private int freeCount;

    PairTable() { allocate(MIN_CAPACITY); }

    private void allocate(int capacity) {
        this.capacity = capacity;
        // One slot more than the hash uses: a pair with nothing, which peek() shows for a pair the table does not hold.
        slots = new long[(capacity + 1) * STRIDE];
        cold = new long[(capacity + 1) * STRIDE];
        conversations = new PairState.Conversations[capacity + 1];
        for (int i = 0; i < slots.length; i += STRIDE) slots[i] = EMPTY;
        int none = capacity * STRIDE;
        slots[none + CSW_END] = PairState.CLOSED;
        cold[none + UNTIL] = PairState.CLOSED;
        cold[none + ENTRY_AT] = PairState.CLOSED;
        cold[none + FEP_END] = PairState.CLOSED;
        sweepAt = capacity / 2;
    }

    /**
     * Points {@code cursor} at the state of a pair to read it: its slot when the table holds the pair, else a slot of
     * a pair with nothing open (what {@link #get} would create). Creates nothing and sweeps nothing, so a strategy's
     * look at a pair it then defers does not fill the table; the cursor must not be written through.
     */
    PairState peek(long b, long c, PairState cursor) {
        int i = probe(b, c);
        cursor.base = (i >= 0 ? i : capacity) * STRIDE;
        return cursor;
    }

    /** The slot of pair ({@code b}, {@code c}), or {@code -1 - e} where {@code e} is the empty slot that ended the probe. */
    private int probe(long b, long c) {
        long[] k = slots;
        int mask = capacity - 1;
        int i = home(b, c, mask);
        while (true) {
            int at = i * STRIDE;
            long kb = k[at];
            if (kb == b && k[at + CUSTOMER] == c) return i;
            if (kb == EMPTY) return -1 - i;
            i = (i + 1) & mask;
        }
    }

    private static int home(long b, long c, int mask) { return (int) LongCounter.mix(b * 0x9E3779B97F4A7C15L ^ c) & mask; }

    /**
     * Points {@code cursor} at the state of a pair, created empty when unknown, and returns it; {@code now} is the
     * executive's clock for sweeping. Every other cursor of this table is invalid afterwards.
     */
    PairState get(long b, long c, long now, PairState cursor) {
        int i = probe(b, c);
        if (i >= 0) {
            current = i;
            cursor.base = i * STRIDE;
            return cursor;
        }
        if (size + 1 > sweepAt) {
            rebuild(now);
            return get(b, c, now, cursor);
        }
        i = -1 - i;
        int at = i * STRIDE;
        long[] k = slots;
        k[at] = b;
        k[at + CUSTOMER] = c;
        k[at + CSW_END] = PairState.CLOSED;
        k[at + FLAGS] = 0;
        long[] x = cold;
        x[at + UNTIL] = PairState.CLOSED;
        x[at + ENTRY_AT] = PairState.CLOSED;
        x[at + FEP_END] = PairState.CLOSED;
        x[at + FEP_CONVERSATION] = 0;
        current = i;
        size++;
        if (size > peak) peak = size;
        cursor.base = at;
        return cursor;
    }

    /** Gives the slot at {@code base} its conversations object (all closed), reusing a swept one when there is one. */
    PairState.Conversations newConversations(int base) {
        PairState.Conversations c;
        if (freeCount > 0) {
            c = free[--freeCount];
            free[freeCount] = null;
            java.util.Arrays.fill(c.end, PairState.CLOSED);
        } else {
            c = new PairState.Conversations();
        }
        conversations[base / STRIDE] = c;
        slots[base + FLAGS] |= HAS_CONVERSATIONS;
        return c;
    }

    /** Raises the "until" of the pair {@link #get} returned last, which must be {@code s}. */
    void extend(PairState s, long end) {
        int i = current;
        if (i < 0 || s.base != i * STRIDE) throw new IllegalStateException("a pair's windows change only while it is priced");
        if (end <= slots[s.base + CSW_END]) return; // the until is at least the service window's end already
        int at = s.base + UNTIL;
        if (end > cold[at]) cold[at] = end;
    }

    /**
     * Sets the service window's end of the slot at {@code base}; an end it lowers (a customer's message priced late)
     * stays in the pair's until, which is the largest end ever extended to.
     */
    void cswEnd(int base, long end) {
        long was = slots[base + CSW_END];
        if (end < was && was > cold[base + UNTIL]) cold[base + UNTIL] = was;
        slots[base + CSW_END] = end;
    }

    /** The latest end of anything open for the pair at slot {@code i}: forgotten once the clock reaches it. */
    private long until(int i) { return Math.max(cold[i * STRIDE + UNTIL], slots[i * STRIDE + CSW_END]); }

    /**
     * Drops every pair with nothing open after {@code now}, in place (deletions shift the rest of their probe
     * run back, Knuth's algorithm R), so a sweep allocates nothing; grows when most pairs are still live.
     */
    private void rebuild(long now) {
        long[] k = slots;
        int mask = capacity - 1;
        int before = size;
        int i = 0;
        while (i < capacity) {
            int at = i * STRIDE;
            if (k[at] != EMPTY && now >= until(i)) {
                PairState.Conversations c = conversations[i];
                if (c != null && freeCount < MAX_FREE) {
                    if (freeCount == free.length) free = Arrays.copyOf(free, free.length * 2);
                    free[freeCount++] = c;
                }
                delete(i, mask);
                size--;
                // slot i now holds the next entry of its run, or nothing: look at it again
            } else {
                i++;
            }
        }
        swept += before - size;
        current = -1;
        if (size * GROWTH > capacity) grow(now);
    }

    /** Empties slot {@code i} and moves later entries of its probe run back so every key stays reachable. */
    private void delete(int i, int mask) {
        long[] k = slots;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long b = k[j * STRIDE];
            if (b == EMPTY) break;
            int home = home(b, k[j * STRIDE + CUSTOMER], mask);
            // the entry at j may fill the hole at i unless its home lies cyclically in (i, j]
            boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (stays) continue;
            System.arraycopy(k, j * STRIDE, k, i * STRIDE, STRIDE);
            System.arraycopy(cold, j * STRIDE, cold, i * STRIDE, STRIDE);
            conversations[i] = conversations[j];
            i = j;
        }
        k[i * STRIDE] = EMPTY;
        conversations[i] = null;
    }

    /** Moves every pair into a table {@link #GROWTH} times as large as the live pairs. */
    private void grow(long now) {
        long[] old = slots;
        long[] oldCold = cold;
        PairState.Conversations[] oldConversations = conversations;
        int oldCapacity = capacity;
        int capacity = MIN_CAPACITY;
        while (capacity < size * GROWTH) capacity <<= 1;
        allocate(capacity);
        int mask = capacity - 1;
        long[] k = slots;
        for (int j = 0; j < oldCapacity; j++) {
            long b = old[j * STRIDE];
            if (b == EMPTY) continue;
            int i = home(b, old[j * STRIDE + CUSTOMER], mask);
            while (k[i * STRIDE] != EMPTY) i = (i + 1) & mask;
            System.arraycopy(old, j * STRIDE, k, i * STRIDE, STRIDE);
            System.arraycopy(oldCold, j * STRIDE, cold, i * STRIDE, STRIDE);
            conversations[i] = oldConversations[j];
        }
    }

    int size() { return size; }

    int peak() { return peak; }

    long swept() { return swept; }
}
