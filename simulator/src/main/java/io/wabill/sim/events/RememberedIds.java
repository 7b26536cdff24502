package io.wabill.sim.events;

/**
 * The message ids a streamed log has already priced, each remembered until its forget time (G10: status rows may
 * come after their message was priced, and must be merged or reported, never taken for a new message).
 *
 * <p>Memory is the point: a sorted year holds a status horizon (31 days by default) of ids, millions of them. An
 * id costs its characters (one byte each when ASCII, less the prefix it shares with the first id remembered) in a
 * ring of bytes, 14 bytes of parallel primitive arrays and about 6 of hash table: nothing per id on the object
 * heap. Identity is exact: a 32-bit hash only finds the candidates, the stored bytes decide. Ids must be added in
 * order of their forget times (a stream adds them so), which makes forgetting a walk from the oldest end.
 */
final class RememberedIds {
    /** The stored form of an id that does not start with the shared prefix; never a byte of the encoding below. */
    private static final byte WHOLE = (byte) 0xFF;
    private static final int NEVER = Integer.MAX_VALUE;

    /** Ring of entries, oldest at {@code head}; an entry's key runs from its start to the next entry's. */
    private int[] start;
    private int[] hash;
    /** Forget time in whole seconds after {@link #base}, rounded up (remembering a little longer is harmless). */
    private int[] forget;
    /** 15 bits of the identity digest (status rows must agree, G10) and, lowest, whether it was undelivered. */
    private short[] tag;
    private int head;
    private int size;
    private long base = Long.MIN_VALUE;

    /** Keys, a ring addressed by absolute position modulo its length (a power of two). */
    private byte[] bytes;
    private long bytesHead;
    private long bytesTail;

    /** Open addressing with linear probing: ring index + 1, 0 empty; at most 70 % full. */
    private int[] table;

    private byte[] prefix;
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
        if (prefix == null) prefix = prefixOf(id);
        if (base == Long.MIN_VALUE) base = forgetAfter == Long.MAX_VALUE ? 0 : forgetAfter;
        encode(id);
        if (size == start.length) growEntries();
        while (bytesTail + scratchLength - bytesHead > bytes.length) growBytes();
        int at = ring(head + size);
        start[at] = (int) (bytesTail & (bytes.length - 1));
        hash[at] = hashOfScratch();
        forget[at] = forgetAfter == Long.MAX_VALUE ? NEVER
                : (int) Math.min(NEVER - 1, Math.max(0, -Math.floorDiv(base - forgetAfter, 1000L)));
        tag[at] = (short) ((mix((int) (identity ^ (identity >>> 32))) & 0xFFFE) | (undelivered ? 1 : 0));
        int mask = bytes.length - 1;
        for (int i = 0; i < scratchLength; i++) bytes[(int) ((bytesTail + i) & mask)] = scratch[i];
        bytesTail += scratchLength;
        size++;
        if (size > peak) peak = size;
        if (10L * size > 7L * table.length) rebuildTable(table.length * 2);
        else place(at);
    }

    /** The ring index of {@code id}, or -1 when it is not remembered. */
    int find(String id) {
        if (size == 0) return -1;
        encode(id);
        int h = hashOfScratch();
        int mask = table.length - 1;
        for (int s = mix(h) & mask; table[s] != 0; s = (s + 1) & mask) {
            int e = table[s] - 1;
            if (hash[e] == h && sameKey(e)) return e;
        }
        return -1;
    }

    boolean undelivered(int entry) { return (tag[entry] & 1) != 0; }

    /** Whether {@code identity} may be the one remembered (15 bits compared: a disagreement found is certain). */
    boolean sameIdentity(int entry, long identity) {
        return ((tag[entry] ^ mix((int) (identity ^ (identity >>> 32)))) & 0xFFFE) == 0;
    }

    /** Forgets every id whose forget time is before {@code now}. */
    void forgetBefore(long now) {
        if (size == 0) return;
        long limit = Math.floorDiv(now - base, 1000L); // forget < limit  implies  forget time < now
        while (size > 0 && forget[head] != NEVER && forget[head] < limit) {
            remove(head);
            head = ring(head + 1);
            size--;
            bytesHead = size == 0 ? bytesTail : absolute(start[head]);
        }
    }

    int size() { return size; }

    int peak() { return peak; }

    /** Bytes held by the arrays. */
    long footprintBytes() {
        return (long) start.length * (4 + 4 + 4 + 2) + bytes.length + 4L * table.length;
    }

    // ---- keys ----

    /** The shared prefix: the first id up to its first digit (e.g. {@code wamid.gen}), at most 32 bytes. */
    private byte[] prefixOf(String id) {
        int n = 0;
        while (n < id.length() && n < 32 && id.charAt(n) < 0x80 && !Character.isDigit(id.charAt(n))) n++;
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) p[i] = (byte) id.charAt(i);
        return p;
    }

    /**
     * The stored form: the bytes after the shared prefix, or {@link #WHOLE} and every byte. Chars are written as
     * UTF-8 (surrogates one by one), so one stored form is one char sequence and equality is exact.
     */
    private void encode(String id) {
        int n = id.length();
        if (scratch.length < 3 * n + 1) scratch = new byte[Math.max(3 * n + 1, 2 * scratch.length)];
        int from = 0;
        int j = 0;
        if (id.length() >= prefix.length && startsWithPrefix(id)) {
            from = prefix.length;
        } else {
            scratch[j++] = WHOLE;
        }
        for (int i = from; i < n; i++) {
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

    private boolean startsWithPrefix(String id) {
        for (int i = 0; i < prefix.length; i++) if (id.charAt(i) != prefix[i]) return false;
        return true;
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

    private long absolute(int offset) {
        long a = (bytesHead & ~((long) bytes.length - 1)) | offset;
        return a < bytesHead ? a + bytes.length : a;
    }

    private int keyLength(int e) {
        long from = absolute(start[e]);
        long to = e == ring(head + size - 1) ? bytesTail : absolute(start[ring(e + 1)]);
        return (int) (to - from);
    }

    private boolean sameKey(int e) {
        if (keyLength(e) != scratchLength) return false;
        int mask = bytes.length - 1;
        int from = start[e];
        for (int i = 0; i < scratchLength; i++) if (bytes[(from + i) & mask] != scratch[i]) return false;
        return true;
    }

    private int ring(int i) {
        int n = start.length;
        return i >= n ? i - n : i;
    }

    // ---- table ----

    private void place(int entry) {
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
            // j may move back into the hole unless its ideal slot lies cyclically in (hole, j]
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
        for (int k = 0; k < size; k++) place(ring(head + k));
    }

    // ---- growth: entries by half (not doubling: the rings are most of the memory), bytes by doubling ----

    private void allocateEntries(int capacity) {
        start = new int[capacity];
        hash = new int[capacity];
        forget = new int[capacity];
        tag = new short[capacity];
    }

    private void growEntries() {
        int[] s = start, h = hash, f = forget;
        short[] t = tag;
        int old = s.length;
        allocateEntries(old + (old >> 1));
        for (int k = 0; k < size; k++) {
            int from = head + k >= old ? head + k - old : head + k;
            start[k] = s[from];
            hash[k] = h[from];
            forget[k] = f[from];
            tag[k] = t[from];
        }
        head = 0;
        rebuildTable(table.length);
    }

    private void growBytes() {
        byte[] old = bytes;
        byte[] grown = new byte[old.length * 2];
        int oldMask = old.length - 1, newMask = grown.length - 1;
        for (long a = bytesHead; a < bytesTail; a++) grown[(int) (a & newMask)] = old[(int) (a & oldMask)];
        bytes = grown;
        for (int k = 0; k < size; k++) {
            int e = ring(head + k);
            start[e] = (int) (absoluteIn(start[e], oldMask) & newMask);
        }
    }

    /** The absolute position of an offset of the old (smaller) byte ring, during growth. */
    private long absoluteIn(int offset, int oldMask) {
        long a = (bytesHead & ~(long) oldMask) | offset;
        return a < bytesHead ? a + oldMask + 1 : a;
    }

    @Override public String toString() {
        return "RememberedIds[" + size + " ids, " + footprintBytes() + " bytes, table " + table.length + "]";
    }
}
