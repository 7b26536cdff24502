package io.wabill.sim.engine;

import java.util.Arrays;

/**
 * Pair states keyed by (business index, customer key) in open addressing over primitive keys, the two keys of
 * a slot side by side so a probe reads one cache line. States whose windows have all closed are swept out
 * when the table fills, so memory follows the pairs with an open window, not the length of the log; swept
 * states are kept for reuse, so a steady stream of pairs allocates nothing.
 */
final class PairTable {
    private static final int MIN_CAPACITY = 1 << 12;
    private static final long EMPTY = -1;
    /** business, customer of slot i at 2i, 2i+1 */
    private long[] keys;
    private PairState[] states;
    private int size;
    private int sweepAt;
    private long swept;
    private int peak;
    private PairState[] free = new PairState[256];
    private int freeCount;

    PairTable() { allocate(MIN_CAPACITY); }

    private void allocate(int capacity) {
        keys = new long[capacity * 2];
        states = new PairState[capacity];
        Arrays.fill(keys, EMPTY);
        sweepAt = capacity / 2;
    }

    /** The state of a pair, created empty when unknown; {@code now} is the executive's clock for sweeping. */
    PairState get(long b, long c, long now) {
        long[] k = keys;
        int mask = states.length - 1;
        int i = (int) LongCounter.mix(b * 0x9E3779B97F4A7C15L ^ c) & mask;
        while (true) {
            long kb = k[2 * i];
            if (kb == b && k[2 * i + 1] == c) return states[i];
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
            s = new PairState();
        }
        s.business = b;
        s.customer = c;
        k[2 * i] = b;
        k[2 * i + 1] = c;
        states[i] = s;
        size++;
        if (size > peak) peak = size;
        return s;
    }

    /** Drops every pair with nothing open after {@code now}; grows when most pairs are still live. */
    private void rebuild(long now) {
        PairState[] old = states;
        PairState[] live = new PairState[size];
        int n = 0;
        for (PairState s : old) {
            if (s == null) continue;
            if (s.liveAfter(now)) {
                live[n++] = s;
            } else if (freeCount < MAX_FREE) {
                if (freeCount == free.length) free = Arrays.copyOf(free, free.length * 2);
                free[freeCount++] = s;
            }
        }
        swept += size - n;
        int capacity = MIN_CAPACITY;
        while (capacity < n * 4) capacity <<= 1;
        if (capacity == old.length) {
            Arrays.fill(keys, EMPTY);
            Arrays.fill(states, null);
        } else {
            allocate(capacity);
        }
        size = 0;
        int mask = capacity - 1;
        long[] k = keys;
        for (int j = 0; j < n; j++) {
            PairState s = live[j];
            int i = (int) LongCounter.mix(s.business * 0x9E3779B97F4A7C15L ^ s.customer) & mask;
            while (k[2 * i] != EMPTY) i = (i + 1) & mask;
            k[2 * i] = s.business;
            k[2 * i + 1] = s.customer;
            states[i] = s;
            size++;
        }
    }

    /** States kept for reuse at most; beyond, swept states are left to the collector. */
    private static final int MAX_FREE = 1 << 20;

    int size() { return size; }

    int peak() { return peak; }

    long swept() { return swept; }
}
