package io.wabill.sim.engine;

import java.util.Arrays;

/**
 * Open-addressing map from a non-negative {@code long} key to a {@code long} count, so monthly counters
 * cost no boxing and no allocation per event.
 */
public final class LongCounter {
    private static final long EMPTY = -1L;
    private long[] keys;
    private long[] values;
    private int size;

    public LongCounter() {
        keys = new long[64];
        values = new long[64];
        Arrays.fill(keys, EMPTY);
    }

    /** Adds one to the key's count and returns the new count. */
    public long increment(long key) { return add(key, 1); }

    public long add(long key, long delta) {
        int slot = slot(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
            values[slot] = delta;
            if (size * 2 > keys.length) grow();
            return delta;
        }
        return values[slot] += delta;
    }

    public long get(long key) {
        int slot = slot(key);
        return keys[slot] == EMPTY ? 0 : values[slot];
    }

    public int size() { return size; }

    private int slot(long key) {
        if (key < 0) throw new IllegalArgumentException("counter keys must be >= 0, was " + key);
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private void grow() {
        long[] oldK = keys, oldV = values;
        keys = new long[oldK.length * 2];
        values = new long[oldK.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldK.length; i++) {
            if (oldK[i] != EMPTY) {
                int s = slot(oldK[i]);
                keys[s] = oldK[i];
                values[s] = oldV[i];
            }
        }
    }

    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
