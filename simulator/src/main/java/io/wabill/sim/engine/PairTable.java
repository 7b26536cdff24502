package io.wabill.sim.engine;

import java.util.Arrays;

/**
 * Pair states keyed by (business index, customer key) in open addressing over primitive keys. A slot is three
 * longs side by side: business, customer, and the latest end of anything open for the pair (its "until"), so a
 * probe reads one cache line and a sweep decides which pairs to forget by scanning one array, without visiting
 * the states. States whose windows have all closed are swept out when the table fills, so memory follows the
 * pairs with an open window, not the length of the log; swept states are kept for reuse, so a steady stream
 * of pairs allocates nothing.
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
     * predicted), for 28 bytes a slot.
     */
    private static final int GROWTH = 8;
    /** States kept for reuse at most; beyond, swept states are left to the collector. */
    private static final int MAX_FREE = 1 << 20;

    /** business, customer, until of slot i at 3i, 3i+1, 3i+2 */
    private long[] keys;
    private PairState[] states;
    private int size;
    private int sweepAt;
    private long swept;
    private int peak;
    private int current = -1;
    private PairState[] free = new PairState[256];
    private int freeCount;

    PairTable() { allocate(MIN_CAPACITY); }

    private void allocate(int capacity) {
        keys = new long[capacity * 3];
        states = new PairState[capacity];
        for (int i = 0; i < keys.length; i += 3) keys[i] = EMPTY;
        sweepAt = capacity / 2;
    }

    /** The state of a pair, created empty when unknown; {@code now} is the executive's clock for sweeping. */
    PairState get(long b, long c, long now) {
        long[] k = keys;
        int mask = states.length - 1;
        int i = (int) LongCounter.mix(b * 0x9E3779B97F4A7C15L ^ c) & mask;
        while (true) {
            long kb = k[3 * i];
            if (kb == b && k[3 * i + 1] == c) {
                current = i;
                return states[i];
            }
            if (kb == EMPTY) break;
            i = (i + 1) & mask;
        }
        if (size + 1 > sweepAt) {
            rebuild(now);
            return get(b, c, now);
        }
        PairState s;
        if (freeCount > 0) {
            s = free[--freeCount];
            free[freeCount] = null;
            s.reset();
        } else {
            s = new PairState(this);
        }
        s.business = b;
        s.customer = c;
        k[3 * i] = b;
        k[3 * i + 1] = c;
        k[3 * i + 2] = PairState.CLOSED;
        states[i] = s;
        current = i;
        size++;
        if (size > peak) peak = size;
        return s;
    }

    /** Raises the "until" of the pair {@link #get} returned last, which must be {@code s}. */
    void extend(PairState s, long end) {
        int i = current;
        if (i < 0 || states[i] != s) throw new IllegalStateException("a pair's windows change only while it is priced");
        if (end > keys[3 * i + 2]) keys[3 * i + 2] = end;
    }

    /**
     * Drops every pair with nothing open after {@code now}, in place (deletions shift the rest of their probe
     * run back, Knuth's algorithm R), so a sweep allocates nothing; grows when most pairs are still live.
     */
    private void rebuild(long now) {
        long[] k = keys;
        int capacity = states.length;
        int mask = capacity - 1;
        int before = size;
        int i = 0;
        while (i < capacity) {
            if (k[3 * i] != EMPTY && now >= k[3 * i + 2]) {
                if (freeCount < MAX_FREE) {
                    if (freeCount == free.length) free = Arrays.copyOf(free, free.length * 2);
                    free[freeCount++] = states[i];
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
        long[] k = keys;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long b = k[3 * j];
            if (b == EMPTY) break;
            int home = (int) LongCounter.mix(b * 0x9E3779B97F4A7C15L ^ k[3 * j + 1]) & mask;
            // the entry at j may fill the hole at i unless its home lies cyclically in (i, j]
            boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (stays) continue;
            k[3 * i] = b;
            k[3 * i + 1] = k[3 * j + 1];
            k[3 * i + 2] = k[3 * j + 2];
            states[i] = states[j];
            i = j;
        }
        k[3 * i] = EMPTY;
        states[i] = null;
    }

    /** Moves every pair into a table {@link #GROWTH} times as large as the live pairs. */
    private void grow(long now) {
        long[] oldKeys = keys;
        PairState[] old = states;
        int capacity = MIN_CAPACITY;
        while (capacity < size * GROWTH) capacity <<= 1;
        allocate(capacity);
        int mask = capacity - 1;
        long[] k = keys;
        for (int j = 0; j < old.length; j++) {
            long b = oldKeys[3 * j];
            if (b == EMPTY) continue;
            long c = oldKeys[3 * j + 1];
            int i = (int) LongCounter.mix(b * 0x9E3779B97F4A7C15L ^ c) & mask;
            while (k[3 * i] != EMPTY) i = (i + 1) & mask;
            k[3 * i] = b;
            k[3 * i + 1] = c;
            k[3 * i + 2] = oldKeys[3 * j + 2];
            states[i] = old[j];
        }
    }

    int size() { return size; }

    int peak() { return peak; }

    long swept() { return swept; }
}
