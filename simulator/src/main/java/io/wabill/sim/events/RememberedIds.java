package io.wabill.sim.events;

/**
 * The message ids a streamed log has already priced, each remembered until its forget time (G10: status rows may
 * come after their message was priced, and must be merged or reported, never taken for a new message).
 *
 * <p>Memory is the point: a sorted year holds a status horizon (31 days by default) of ids, millions of them. An
 * id costs its characters (one byte each when ASCII, less the prefix it shares with the first id remembered), 10
 * bytes of primitive pages and about 6 of hash table: nothing per id on the object heap. Everything is paged
 * (entries by 16K, bytes by 64 KB, the table in 64 segments that grow one at a time), so the store never copies
 * or doubles a large array and the heap holds no big transient. Identity is exact: a 32-bit hash only finds the
 * candidates, the stored bytes decide.
 *
 * <p>Ids must be added in order of their forget times (a stream adds them so). An id is forgotten with the page
 * it is on, once the page's newest id may be: up to a page of ids longer than asked, which is harmless.
 */
final class RememberedIds {
    private static final int PAGE_BITS = 14, PAGE = 1 << PAGE_BITS, PAGE_MASK = PAGE - 1;
    private static final int BYTE_PAGE_BITS = 16, BYTE_PAGE = 1 << BYTE_PAGE_BITS, BYTE_PAGE_MASK = BYTE_PAGE - 1;
    private static final int SEGMENT_BITS = 6, SEGMENTS = 1 << SEGMENT_BITS;
    private static final long LOW30 = (1L << 30) - 1, LOW31 = (1L << 31) - 1;
    /** The stored form of an id that does not start with the shared prefix; never a byte of the encoding below. */
    private static final byte WHOLE = (byte) 0xFF;

    /** 16K entries: where each key starts (absolute byte position, low 31 bits), its hash and its tag. */
    private static final class Page {
        final int[] start = new int[PAGE];
        final int[] hash = new int[PAGE];
        /** 15 bits of the identity digest (status rows must agree, G10) and, lowest, whether it was undelivered. */
        final short[] tag = new short[PAGE];
        /** The newest entry's forget time: the page goes when that has passed. */
        long forgetAfter;
    }

    /** Entry pages, a ring indexed by page number; entries {@code head} (inclusive) to {@code tail} live. */
    private Page[] pages = new Page[4];
    private long head;
    private long tail;

    /** Key byte pages, a ring indexed by page number; bytes {@code bytesHead} to {@code bytesTail} live. */
    private byte[][] bytePages = new byte[4][];
    private long bytesHead;
    private long bytesTail;

    /** Open addressing with linear probing per segment: (entry number mod 2^30) + 1, 0 empty; at most 70 % full. */
    private final int[][] segments = new int[SEGMENTS][];
    private final int[] segmentSize = new int[SEGMENTS];

    private byte[] prefix;
    private byte[] scratch = new byte[64];
    private int scratchLength;
    private int peak;

    RememberedIds() {
        for (int i = 0; i < SEGMENTS; i++) segments[i] = new int[64];
    }

    /** Remembers {@code id} (not yet remembered) until {@code forgetAfter}, not earlier than the last one added. */
    void add(String id, long forgetAfter, boolean undelivered, long identity) {
        if (prefix == null) prefix = prefixOf(id);
        encode(id);
        long seq = tail;
        if ((seq & PAGE_MASK) == 0) newPage(seq);
        Page p = page(seq);
        int at = (int) (seq & PAGE_MASK);
        int h = hashOfScratch();
        p.start[at] = (int) (bytesTail & LOW31);
        p.hash[at] = h;
        p.tag[at] = (short) ((mix((int) (identity ^ (identity >>> 32))) & 0xFFFE) | (undelivered ? 1 : 0));
        p.forgetAfter = forgetAfter;
        for (int i = 0; i < scratchLength; i++) putByte(bytesTail++, scratch[i]);
        tail++;
        if (size() > peak) peak = size();
        insert(seq, h);
    }

    /** The entry number of {@code id}, or -1 when it is not remembered. */
    long find(String id) {
        if (head == tail) return -1;
        encode(id);
        int h = hashOfScratch();
        int m = mix(h);
        int[] t = segments[m >>> (32 - SEGMENT_BITS)];
        int mask = t.length - 1;
        for (int s = m & mask; t[s] != 0; s = (s + 1) & mask) {
            long seq = seqOf(t[s]);
            if (page(seq).hash[(int) (seq & PAGE_MASK)] == h && sameKey(seq)) return seq;
        }
        return -1;
    }

    boolean undelivered(long entry) { return (tagOf(entry) & 1) != 0; }

    /** Whether {@code identity} may be the one remembered (15 bits compared: a disagreement found is certain). */
    boolean sameIdentity(long entry, long identity) {
        return ((tagOf(entry) ^ mix((int) (identity ^ (identity >>> 32)))) & 0xFFFE) == 0;
    }

    /** Forgets the ids of every page whose newest id's forget time is before {@code now}. */
    void forgetBefore(long now) {
        while (head < tail && page(head).forgetAfter < now) {
            long end = Math.min(tail, (head | PAGE_MASK) + 1);
            for (long seq = head; seq < end; seq++) remove(seq);
            if ((end & PAGE_MASK) == 0) pages[pageSlot(head)] = null; // full page done; a partial one is still filled
            head = end;
        }
        long keep = head == tail ? bytesTail : startOf(head);
        for (long b = bytesHead >>> BYTE_PAGE_BITS; b < keep >>> BYTE_PAGE_BITS; b++)
            bytePages[(int) (b & (bytePages.length - 1))] = null;
        bytesHead = keep;
    }

    int size() { return (int) (tail - head); }

    int peak() { return peak; }

    // ---- entries ----

    private int pageSlot(long seq) { return (int) ((seq >>> PAGE_BITS) & (pages.length - 1)); }

    private Page page(long seq) { return pages[pageSlot(seq)]; }

    private short tagOf(long seq) { return page(seq).tag[(int) (seq & PAGE_MASK)]; }

    private void newPage(long seq) {
        long live = (seq >>> PAGE_BITS) - (head >>> PAGE_BITS);
        if (live >= pages.length) {
            Page[] grown = new Page[pages.length * 2];
            for (long n = head >>> PAGE_BITS; n < seq >>> PAGE_BITS; n++)
                grown[(int) (n & (grown.length - 1))] = pages[(int) (n & (pages.length - 1))];
            pages = grown;
        }
        pages[pageSlot(seq)] = new Page();
    }

    /** The table's value for an entry, and back: entry numbers live at once span less than 2^30. */
    private static int code(long seq) { return (int) (seq & LOW30) + 1; }

    private long seqOf(int code) { return head + (((code - 1) - (head & LOW30)) & LOW30); }

    private long startOf(long seq) {
        int low = page(seq).start[(int) (seq & PAGE_MASK)];
        return bytesHead + ((low - (bytesHead & LOW31)) & LOW31);
    }

    // ---- key bytes ----

    private void putByte(long position, byte b) {
        if ((position & BYTE_PAGE_MASK) == 0) {
            long live = (position >>> BYTE_PAGE_BITS) - (bytesHead >>> BYTE_PAGE_BITS);
            if (live >= bytePages.length) {
                byte[][] grown = new byte[bytePages.length * 2][];
                for (long n = bytesHead >>> BYTE_PAGE_BITS; n < position >>> BYTE_PAGE_BITS; n++)
                    grown[(int) (n & (grown.length - 1))] = bytePages[(int) (n & (bytePages.length - 1))];
                bytePages = grown;
            }
            bytePages[(int) ((position >>> BYTE_PAGE_BITS) & (bytePages.length - 1))] = new byte[BYTE_PAGE];
        }
        bytePages[(int) ((position >>> BYTE_PAGE_BITS) & (bytePages.length - 1))][(int) (position & BYTE_PAGE_MASK)] = b;
    }

    private byte byteAt(long position) {
        return bytePages[(int) ((position >>> BYTE_PAGE_BITS) & (bytePages.length - 1))][(int) (position & BYTE_PAGE_MASK)];
    }

    private boolean sameKey(long seq) {
        long from = startOf(seq);
        long to = seq + 1 == tail ? bytesTail : startOf(seq + 1);
        if (to - from != scratchLength) return false;
        for (int i = 0; i < scratchLength; i++) if (byteAt(from + i) != scratch[i]) return false;
        return true;
    }

    /** The shared prefix: the first id up to its first digit (e.g. {@code wamid.gen}), at most 32 chars. */
    private static byte[] prefixOf(String id) {
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
        if (startsWithPrefix(id)) {
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
        if (prefix == null || id.length() < prefix.length) return false;
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
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    // ---- table ----

    private int hashOf(long seq) { return page(seq).hash[(int) (seq & PAGE_MASK)]; }

    private void insert(long seq, int h) {
        int m = mix(h);
        int segment = m >>> (32 - SEGMENT_BITS);
        if (10L * (segmentSize[segment] + 1) > 7L * segments[segment].length) grow(segment);
        place(segments[segment], code(seq), m);
        segmentSize[segment]++;
    }

    private static void place(int[] t, int code, int mixed) {
        int mask = t.length - 1;
        int s = mixed & mask;
        while (t[s] != 0) s = (s + 1) & mask;
        t[s] = code;
    }

    private void grow(int segment) {
        int[] old = segments[segment];
        int[] grown = new int[old.length * 2];
        for (int v : old) if (v != 0) place(grown, v, mix(hashOf(seqOf(v))));
        segments[segment] = grown;
    }

    /** Deletes with backward shift, so probes never meet a tombstone. */
    private void remove(long seq) {
        int m = mix(hashOf(seq));
        int segment = m >>> (32 - SEGMENT_BITS);
        int[] t = segments[segment];
        int mask = t.length - 1;
        int code = code(seq);
        int s = m & mask;
        while (t[s] != code) s = (s + 1) & mask;
        int hole = s;
        for (int j = (hole + 1) & mask; t[j] != 0; j = (j + 1) & mask) {
            int ideal = mix(hashOf(seqOf(t[j]))) & mask;
            // j may move back into the hole unless its ideal slot lies cyclically in (hole, j]
            boolean stays = hole <= j ? (hole < ideal && ideal <= j) : (hole < ideal || ideal <= j);
            if (!stays) {
                t[hole] = t[j];
                hole = j;
            }
        }
        t[hole] = 0;
        segmentSize[segment]--;
    }

    @Override public String toString() { return "RememberedIds[" + size() + " ids]"; }
}
