package io.wabill.sim.events;

/**
 * The message ids a streamed log has already priced, each remembered until its forget time (G10: status rows may
 * come after their message was priced, and must be merged or reported, never taken for a new message).
 *
 * <p>Memory is the point: a sorted year holds a status horizon (31 days by default) of ids. Each id costs its
 * characters (one byte each when ASCII) in a ring of bytes plus 33 bytes of parallel primitive arrays and 8 of
 * hash table, nothing per id on the object heap. Identity is exact: a 32-bit hash only finds the candidates, the
 * stored characters decide. Ids must be remembered in order of their forget times (a stream adds them so), which
 * makes forgetting a walk from the oldest end of the rings.
 */
final class RememberedIds {
    /** Ring of entries, oldest at {@code head}; each entry's key lives in {@link #bytes} from {@code start}. */
    private long[] start;
    private int[] length;
    private int[] hash;
    private long[] forgetAfter;
    private long[] identity;
    private boolean[] undelivered;
    private int head;
    private int size;

    /** Keys, a ring addressed by absolute position modulo its length. */
    private byte[] bytes;
    private long bytesHead; // absolute position of the oldest live byte
    private long bytesTail; // absolute position after the newest

    /** Open addressing with linear probing: ring index + 1, 0 empty; at most half full. */
    private int[] table;

    private byte[] scratch = new byte[64];
    private int scratchLength;
    private int peak;

    RememberedIds() {
        allocateEntries(1 << 10);
        bytes = new byte[1 << 14];
        table = new int[1 << 11];
    }

    /** Remembers {@code id} (not yet remembered) until {@code forgetAfter}, not earlier than the last one added. */
    void add(String id, long forgetAfter, boolean undelivered, long identity) {
        encode(id);
        if (size == start.length) growEntries();
        while (bytesTail + scratchLength - bytesHead > bytes.length) growBytes();
        int h = hashOfScratch();
        int at = (head + size) & (start.length - 1);
        start[at] = bytesTail;
        length[at] = scratchLength;
        hash[at] = h;
        this.forgetAfter[at] = forgetAfter;
        this.identity[at] = identity;
        this.undelivered[at] = undelivered;
        int mask = bytes.length - 1;
        for (int i = 0; i < scratchLength; i++) bytes[(int) ((bytesTail + i) & mask)] = scratch[i];
        bytesTail += scratchLength;
        size++;
        if (size > peak) peak = size;
        insert(at);
    }

    /** The ring index of {@code id}, or -1 when it is not remembered. */
    int find(String id) {
        encode(id);
        int h = hashOfScratch();
        int mask = table.length - 1;
        for (int s = mix(h) & mask; table[s] != 0; s = (s + 1) & mask) {
            int e = table[s] - 1;
            if (hash[e] == h && sameKey(e)) return e;
        }
        return -1;
    }

    boolean undelivered(int entry) { return undelivered[entry]; }

    long identity(int entry) { return identity[entry]; }

    /** Forgets every id whose forget time is before {@code now}. */
    void forgetBefore(long now) {
        while (size > 0 && forgetAfter[head] < now) {
            remove(head);
            head = (head + 1) & (start.length - 1);
            size--;
            bytesHead = size == 0 ? bytesTail : start[head];
        }
    }

    int size() { return size; }

    int peak() { return peak; }

    /** Bytes held by the arrays, for the heap figures in tests and benchmarks. */
    long footprintBytes() {
        return (long) start.length * (8 + 4 + 4 + 8 + 8 + 1) + bytes.length + 4L * table.length;
    }

    // ---- keys ----

    /** Chars as UTF-8 (surrogates one by one: still one byte sequence per char sequence, so equality is exact). */
    private void encode(String id) {
        int n = id.length();
        if (scratch.length < 3 * n) scratch = new byte[Math.max(3 * n, 2 * scratch.length)];
        int j = 0;
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c < 0x80) {
                scratch[j++] = (byte) c;
            } else if (c < 0x800) {
                scratch[j++] = (byte) (0xC0 | (c >> 6));
                scratch[j++] = (byte) (0x80 | (c & 0x3F));
            } else {
                scratch[j++] = (byte) (0xE0 | (c >> 12));
                scratch[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                scratch[j++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        scratchLength = j;
    }

    private int hashOfScratch() {
        int h = 0x811c9dc5;
        for (int i = 0; i < scratchLength; i++) h = (h ^ (scratch[i] & 0xFF)) * 0x01000193;
        return h;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }

    private boolean sameKey(int e) {
        if (length[e] != scratchLength) return false;
        int mask = bytes.length - 1;
        long from = start[e];
        for (int i = 0; i < scratchLength; i++) if (bytes[(int) ((from + i) & mask)] != scratch[i]) return false;
        return true;
    }

    // ---- table ----

    private void insert(int entry) {
        if (2 * (size + 1) > table.length) {
            rebuildTable(table.length * 2);
            return; // the rebuild placed every live entry, this one included
        }
        int mask = table.length - 1;
        int s = mix(hash[entry]) & mask;
        while (table[s] != 0) s = (s + 1) & mask;
        table[s] = entry + 1;
    }

    /** Deletes with backward shift, so probes never meet a tombstone. */
    private void remove(int entry) {
        int mask = table.length - 1;
        int s = mix(hash[entry]) & mask;
        while (table[s] != entry + 1) s = (s + 1) & mask;
        int hole = s;
        for (int j = (hole + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int ideal = mix(hash[table[j] - 1]) & mask;
            // move j back into the hole unless its ideal slot lies cyclically in (hole, j]
            boolean stays = hole <= j ? (hole < ideal && ideal <= j) : (hole < ideal || ideal <= j);
            if (!stays) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = 0;
    }

    private void rebuildTable(int capacity) {
        table = new int[capacity];
        int mask = capacity - 1;
        for (int k = 0; k < size; k++) {
            int e = (head + k) & (start.length - 1);
            int s = mix(hash[e]) & mask;
            while (table[s] != 0) s = (s + 1) & mask;
            table[s] = e + 1;
        }
    }

    // ---- growth ----

    private void allocateEntries(int capacity) {
        start = new long[capacity];
        length = new int[capacity];
        hash = new int[capacity];
        forgetAfter = new long[capacity];
        identity = new long[capacity];
        undelivered = new boolean[capacity];
    }

    private void growEntries() {
        long[] s = start, f = forgetAfter, id = identity;
        int[] l = length, h = hash;
        boolean[] u = undelivered;
        int old = s.length;
        allocateEntries(old * 2);
        for (int k = 0; k < size; k++) {
            int from = (head + k) & (old - 1);
            start[k] = s[from];
            length[k] = l[from];
            hash[k] = h[from];
            forgetAfter[k] = f[from];
            identity[k] = id[from];
            undelivered[k] = u[from];
        }
        head = 0;
        rebuildTable(Math.max(table.length, 4 * old));
    }

    private void growBytes() {
        byte[] old = bytes;
        byte[] grown = new byte[old.length * 2];
        int oldMask = old.length - 1, newMask = grown.length - 1;
        for (long a = bytesHead; a < bytesTail; a++) grown[(int) (a & newMask)] = old[(int) (a & oldMask)];
        bytes = grown;
    }

    /** Exposed for tests: the entry count the rings can hold before growing. */
    int capacity() { return start.length; }

    @Override public String toString() {
        return "RememberedIds[" + size + " ids, " + footprintBytes() + " bytes, table " + table.length + "]";
    }
}
