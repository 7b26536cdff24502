package io.wabill.sim.engine;

import java.util.Arrays;

/**
 * Pair states keyed by (business index, customer key) in open addressing over primitive keys. States
 * whose windows have all closed are swept out when the table fills, so memory follows the pairs with
 * an open window, not the length of the log.
 */
final class PairTable {
    private static final int MIN_CAPACITY = 1 << 12;
    private long[] business;
    private long[] customer;
    private PairState[] states;
    private int size;
    private int sweepAt;
    private long swept;
    private int peak;

    PairTable() { allocate(MIN_CAPACITY); }

    private void allocate(int capacity) {
        business = new long[capacity];
        customer = new long[capacity];
        states = new PairState[capacity];
        Arrays.fill(business, -1);
        sweepAt = capacity / 2;
    }

    /** The state of a pair, created empty when unknown; {@code now} is the executive's clock for sweeping. */
    PairState get(long b, long c, long now) {
        int mask = states.length - 1;
        int i = (int) LongCounter.mix(b * 0x9E3779B97F4A7C15L ^ c) & mask;
        while (business[i] != -1) {
            if (business[i] == b && customer[i] == c) return states[i];
            i = (i + 1) & mask;
        }
        if (size + 1 > sweepAt) {
            rebuild(now);
            return get(b, c, now);
        }
        PairState s = new PairState();
        s.business = b;
        s.customer = c;
        business[i] = b;
        customer[i] = c;
        states[i] = s;
        size++;
        if (size > peak) peak = size;
        return s;
    }

    /** Drops every pair with nothing open after {@code now}; grows when most pairs are still live. */
    private void rebuild(long now) {
        PairState[] old = states;
        int live = 0;
        for (PairState s : old) if (s != null && s.liveAfter(now)) live++;
        swept += size - live;
        int capacity = MIN_CAPACITY;
        while (capacity < live * 4) capacity <<= 1;
        allocate(capacity);
        size = 0;
        int mask = capacity - 1;
        for (PairState s : old) {
            if (s == null || !s.liveAfter(now)) continue;
            int i = (int) LongCounter.mix(s.business * 0x9E3779B97F4A7C15L ^ s.customer) & mask;
            while (business[i] != -1) i = (i + 1) & mask;
            business[i] = s.business;
            customer[i] = s.customer;
            states[i] = s;
            size++;
        }
    }

    int size() { return size; }

    int peak() { return peak; }

    long swept() { return swept; }
}
