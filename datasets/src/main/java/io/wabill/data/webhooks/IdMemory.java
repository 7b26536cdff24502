package io.wabill.data.webhooks;

/**
 * Remembers message ids for at least a given time, in about 16 bytes per id: each id is kept as a 64-bit hash
 * (two ids share one with odds of about 1 in 10^13 per pair at a million ids) in one of two generations, each
 * covering half the time; when the newer generation is half the time old, the older one is dropped.
 */
final class IdMemory {
    private final long half;
    private LongSet newer = new LongSet(), older = new LongSet();
    private long newerSince = Long.MIN_VALUE;

    IdMemory(long millis) { this.half = Math.max(1, millis / 2 + 1); }

    void add(String id, long now) {
        rotate(now);
        newer.add(hash(id));
    }

    boolean contains(String id, long now) {
        rotate(now);
        long h = hash(id);
        return newer.contains(h) || older.contains(h);
    }

    long size() { return newer.size + older.size; }

    private void rotate(long now) {
        if (newerSince == Long.MIN_VALUE) newerSince = now;
        if (now - newerSince >= half) {
            older = newer;
            newer = new LongSet();
            newerSince = now;
        }
    }

    /** FNV-1a over the characters, then the SplitMix64 finaliser to spread the bits; never 0 (the empty slot). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }

    /** An open-addressing set of non-zero longs. */
    private static final class LongSet {
        long[] slots = new long[1024];
        int size;

        void add(long v) {
            if (size * 2 >= slots.length) grow();
            int i = slot(slots, v);
            if (slots[i] == 0) {
                slots[i] = v;
                size++;
            }
        }

        boolean contains(long v) { return slots[slot(slots, v)] == v; }

        private static int slot(long[] table, long v) {
            int mask = table.length - 1, i = (int) (v ^ (v >>> 32)) & mask;
            while (table[i] != 0 && table[i] != v) i = (i + 1) & mask;
            return i;
        }

        private void grow() {
            long[] next = new long[slots.length * 2];
            for (long v : slots) if (v != 0) next[slot(next, v)] = v;
            slots = next;
        }
    }
}
