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

    /** Drops every pair with nothing open after {@code now}; grows when most pairs are still live. */
    private void rebuild(long now) {
        long[] oldKeys = keys;
        PairState[] old = states;
        int live = 0;
        for (int i = 0; i < old.length; i++) {
            if (oldKeys[3 * i] == EMPTY) continue;
            if (now < oldKeys[3 * i + 2]) {
                live++;
            } else if (freeCount < MAX_FREE) {
                if (freeCount == free.length) free = Arrays.copyOf(free, free.length * 2);
                free[freeCount++] = old[i];
            }
        }
        swept += size - live;
        int capacity = MIN_CAPACITY;
        while (capacity < live * 4) capacity <<= 1;
        allocate(capacity);
        size = 0;
        int mask = capacity - 1;
        long[] k = keys;
        for (int j = 0; j < old.length; j++) {
            long b = oldKeys[3 * j];
            if (b == EMPTY || now >= oldKeys[3 * j + 2]) continue;
            long c = oldKeys[3 * j + 1];
            int i = (int) LongCounter.mix(b * 0x9E3779B97F4A7C15L ^ c) & mask;
            while (k[3 * i] != EMPTY) i = (i + 1) & mask;
            k[3 * i] = b;
            k[3 * i + 1] = c;
            k[3 * i + 2] = oldKeys[3 * j + 2];
            states[i] = old[j];
            size++;
        }
        current = -1;
    }

    int size() { return size; }

    int peak() { return peak; }

    long swept() { return swept; }
}
