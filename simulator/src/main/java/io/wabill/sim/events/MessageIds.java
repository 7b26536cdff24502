package io.wabill.sim.events;

/**
 * Every message id the assembler knows, in one primitive hash table: the ids of messages still open (waiting for
 * their release, so their status rows are merged into them) and the ids a streamed log has already priced, each
 * remembered until its forget time (G10: status rows may come after their message was priced, and must be merged or
 * reported, never taken for a new message). One probe answers "open, remembered or new", and releasing a message
 * turns its table cell from open to remembered in place.
 *
 * <p>Memory is the point: a sorted year holds a status horizon (31 days by default) of remembered ids, millions of
 * them. A remembered id costs its characters (one byte each when ASCII, less the prefix it shares with the first id
 * the table was asked about), 6 bytes of primitive pages and about 12 of hash table (8 bytes a cell, 35 to 70 % full): nothing
 * per id on the object heap. Everything
 * is paged (entries by 16K, bytes by 64 KB, the table in 64 segments that grow one at a time), so the store never
 * copies or doubles a large array and the heap holds no big transient. An open id is a slot holding the caller's
 * {@code String} and a value (the assembler's entry) until it is released.
 *
 * <p>Identity is exact: a 32-bit hash of the id, kept in the table cell beside the entry so a probe reads nothing
 * else until the hash matches, only finds the candidates; an open id is then compared with {@link String#equals}, a
 * remembered one byte by byte with its stored form. No answer depends on a hash collision.
 *
 * <p><b>Numbered ids are placed by their number.</b> Most logs number their messages: the shared prefix and digits
 * ({@code m0}, {@code m1}, … or {@code wamid.gen100234}). Such an id (1 to 18 digits, no leading zero) is read as its
 * number {@code v}, and its cell is chosen so that consecutive numbers sit in neighbouring cells: 16 consecutive
 * numbers in one segment, the next 16 in the next segment, each segment filled front to back as the numbers grow
 * ({@link #localHome}). A log's new ids, their releases and their forgetting then walk the table sequentially
 * instead of missing the cache at a random cell each; a new id's cell is almost always empty, so it is found absent
 * in one probe. The cell's hash is the inverse of the mixing function applied to that chosen position
 * ({@link #unmix}), so every other path of the table (probing, growing, deleting) is the one of hashed ids. Numbers
 * spaced so that they pile up (a stride of a power of two) would make long probe runs: a segment where an insertion
 * probes more than {@link #LONG_PROBE} cells is rebuilt with its numbers' positions scrambled ({@link #scrambled}),
 * and stays so. Other ids are placed by {@link String#hashCode()}, mixed.
 *
 * <p>Ids are remembered in order of their forget times (a stream releases them so). A remembered id is forgotten
 * with the page it is on, once the page's newest id may be: up to a page of ids longer than asked, which is harmless.
 */
final class MessageIds {
    private static final int PAGE_BITS = 14, PAGE = 1 << PAGE_BITS, PAGE_MASK = PAGE - 1;
    private static final int BYTE_PAGE_BITS = 16, BYTE_PAGE = 1 << BYTE_PAGE_BITS, BYTE_PAGE_MASK = BYTE_PAGE - 1;
    private static final int SEGMENT_BITS = 6, SEGMENTS = 1 << SEGMENT_BITS;
    private static final long LOW30 = (1L << 30) - 1, LOW31 = (1L << 31) - 1;
    /** The stored form of an id that does not start with the shared prefix; never a byte of the encoding below. */
    private static final byte WHOLE = (byte) 0xFF;
    /** Bits of a mixed hash that choose the cell within a segment (the segment is the top {@link #SEGMENT_BITS}). */
    private static final int SLOT_BITS = 32 - SEGMENT_BITS, SLOT_MASK = (1 << SLOT_BITS) - 1;
    /** The most digits of a numbered id: every such number fits a {@code long}. */
    private static final int MAX_DIGITS = 18;
    /**
     * An insertion that lands further than this from its home scrambles its segment. New numbers that wrap onto the
     * end of the horizon not yet forgotten (a segment's live numbers may span more cells than it has) are displaced
     * by up to a few hundred cells, in memory that is read in order anyway; numbers that pile up on one home are
     * displaced more with every insertion. Measured on issue 14's numbering: 64 scrambled 25 of the 64 segments and
     * cost 40 % more per id; 512 scrambles none.
     */
    static final int LONG_PROBE = 512;

    /** {@link #find}'s answer for an id that is neither open nor remembered. */
    static final long ABSENT = -1;

    /**
     * 16K remembered entries: where each key starts (absolute byte position, low 31 bits) and its tag. The hash is in
     * the entry's table cell only; a page being forgotten finds its entries' cells by the hash of their stored bytes.
     */
    private static final class Page {
        final int[] start = new int[PAGE];
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

    /**
     * Open addressing with linear probing per segment, at most 70 % full. A cell is 0 (empty) or the id's hash (high
     * 32 bits) and its code (low 32 bits, never 0): a remembered entry as (entry number mod 2^30) + 1, an open slot as
     * -(slot + 1).
     */
    private final long[][] segments = new long[SEGMENTS][];
    private final int[] segmentSize = new int[SEGMENTS];
    /** Segments whose numbered ids are placed by a scrambled number rather than next to each other (long probes). */
    private final boolean[] scrambled = new boolean[SEGMENTS];
    /**
     * Per segment, no cell is further than this from its home: a deletion's backward shift looks no further past
     * the hole, since a cell further on cannot belong before it. Without it, deleting the oldest of a run of
     * consecutive numbers (each at home, one run as long as the segment's live ids) would walk the whole run.
     */
    private final int[] maxDisplacement = new int[SEGMENTS];

    /**
     * The empty cell where {@link #find} ended for the hash {@link #vacantHash}, valid while the table is unchanged
     * ({@link #changes}): {@link #open} of the id just found absent takes it without probing again.
     */
    private int vacantSlot = -1;
    private int vacantHash;
    private long[] vacantTable;
    private long vacantChanges;
    /** Insertions, deletions and growths: a change may move cells, so a vacant cell found before is no longer known. */
    private long changes;

    /** Open slots: the id, its hash and the caller's value; free slots form a stack. */
    private String[] openId = new String[64];
    private int[] openHash = new int[64];
    private Object[] openValue = new Object[64];
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int slotsUsed;
    private int openCount;

    private byte[] prefix;
    private byte[] scratch = new byte[64];
    private int scratchLength;
    /** The id whose stored form {@link #scratch} holds (one lookup encodes its id at most once). */
    private String encoded;
    private int peak;

    MessageIds() {
        for (int i = 0; i < SEGMENTS; i++) segments[i] = new long[64];
    }

    // ---- the answers ----

    /**
     * Where {@code id} is: {@link #ABSENT}, a remembered entry number ({@code >= 0}), or an open slot (a value
     * {@code <= -2}: see {@link #isOpen} and {@link #slotOf}).
     */
    long find(String id) {
        if (prefix == null) prefix = prefixOf(id);
        int h = hashOf(id);
        int m = mix(h);
        long[] t = segments[m >>> SLOT_BITS];
        int mask = t.length - 1;
        encoded = null;
        int s = m & mask;
        for (; t[s] != 0; s = (s + 1) & mask) {
            long cell = t[s];
            if ((int) (cell >>> 32) != h) continue;
            int code = (int) cell;
            if (code < 0) {
                int slot = -code - 1;
                if (openId[slot].equals(id)) return -2L - slot;
            } else {
                long seq = seqOf(code);
                if (sameKey(seq, id)) return seq;
            }
        }
        vacantSlot = s;
        vacantHash = h;
        vacantTable = t;
        vacantChanges = changes;
        return ABSENT;
    }

    static boolean isOpen(long found) { return found <= -2; }

    static int slotOf(long found) { return (int) (-2L - found); }

    // ---- open ids ----

    /** Opens {@code id} (neither open nor remembered) with {@code value}; returns its slot. */
    int open(String id, Object value) {
        if (prefix == null) prefix = prefixOf(id);
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotsUsed == openId.length) growSlots();
            slot = slotsUsed++;
        }
        int h = hashOf(id);
        openId[slot] = id;
        openHash[slot] = h;
        openValue[slot] = value;
        openCount++;
        insert(-(slot + 1), h);
        return slot;
    }

    Object value(int slot) { return openValue[slot]; }

    /** Open ids now. */
    int openCount() { return openCount; }

    /**
     * The open id of {@code slot} is released: remembered from now until {@code forgetAfter} (not earlier than the
     * forget time of the id remembered before it), in the same table cell.
     */
    void release(int slot, long forgetAfter, boolean undelivered, long identity) {
        String id = openId[slot];
        int h = openHash[slot];
        long seq = remember(id, h, forgetAfter, undelivered, identity);
        int m = mix(h);
        long[] t = segments[m >>> SLOT_BITS];
        int mask = t.length - 1;
        long open = cell(h, -(slot + 1));
        int s = m & mask;
        while (t[s] != open) s = (s + 1) & mask;
        t[s] = cell(h, code(seq)); // the same hash, so the same cell is the right one
        openId[slot] = null;
        openValue[slot] = null;
        freeSlots[freeCount++] = slot;
        openCount--;
    }

    /** Every open slot's value (any order), for the end of a log. */
    void forEachOpen(java.util.function.Consumer<Object> action) {
        for (int slot = 0; slot < slotsUsed; slot++) if (openId[slot] != null) action.accept(openValue[slot]);
    }

    private void growSlots() {
        int c = openId.length * 2;
        openId = java.util.Arrays.copyOf(openId, c);
        openHash = java.util.Arrays.copyOf(openHash, c);
        openValue = java.util.Arrays.copyOf(openValue, c);
        freeSlots = java.util.Arrays.copyOf(freeSlots, c);
    }

    // ---- remembered ids ----

    /** Remembers {@code id} (neither open nor remembered) until {@code forgetAfter}, not earlier than the last one added. */
    void add(String id, long forgetAfter, boolean undelivered, long identity) {
        if (prefix == null) prefix = prefixOf(id);
        int h = hashOf(id);
        insert(code(remember(id, h, forgetAfter, undelivered, identity)), h);
    }

    /** Stores a remembered entry (its bytes and tag) without touching the table; returns its entry number. */
    private long remember(String id, int h, long forgetAfter, boolean undelivered, long identity) {
        if (encoded != id) encode(id);
        long seq = tail;
        if ((seq & PAGE_MASK) == 0) newPage(seq);
        Page p = page(seq);
        int at = (int) (seq & PAGE_MASK);
        p.start[at] = (int) (bytesTail & LOW31);
        p.tag[at] = (short) ((mix((int) (identity ^ (identity >>> 32))) & 0xFFFE) | (undelivered ? 1 : 0));
        p.forgetAfter = forgetAfter;
        for (int i = 0; i < scratchLength; i++) putByte(bytesTail++, scratch[i]);
        tail++;
        if (size() > peak) peak = size();
        return seq;
    }

    boolean undelivered(long entry) { return (tagOf(entry) & 1) != 0; }

    /** Whether {@code identity} may be the one remembered (15 bits compared: a disagreement found is certain). */
    boolean sameIdentity(long entry, long identity) {
        return ((tagOf(entry) ^ mix((int) (identity ^ (identity >>> 32)))) & 0xFFFE) == 0;
    }

    /** Forgets the remembered ids of every page whose newest id's forget time is before {@code now}. */
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

    /** Remembered ids now. */
    int size() { return (int) (tail - head); }

    /** The most ids remembered at once. */
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

    /** Whether remembered entry {@code seq} is {@code id}: its stored bytes against the id's, all of them. */
    private boolean sameKey(long seq, String id) {
        if (encoded != id) encode(id);
        long from = startOf(seq);
        long to = seq + 1 == tail ? bytesTail : startOf(seq + 1);
        if (to - from != scratchLength) return false;
        for (int i = 0; i < scratchLength; i++) if (byteAt(from + i) != scratch[i]) return false;
        return true;
    }

    /**
     * The {@link String#hashCode()} of remembered entry {@code seq}'s id, from its stored bytes: the prefix's chars
     * (unless stored whole), then each char decoded back from its UTF-8 bytes.
     */
    private int hashOfStored(long seq) {
        long from = startOf(seq);
        long to = seq + 1 == tail ? bytesTail : startOf(seq + 1);
        long number = storedNumber(from, to);
        if (number >= 0) return hashOfNumber(number);
        int h = 0;
        if (from < to && byteAt(from) == WHOLE) {
            from++;
        } else {
            for (byte c : prefix) h = 31 * h + c;
        }
        while (from < to) {
            int b = byteAt(from++) & 0xFF;
            if (b >= 0xE0) {
                b = ((b & 0x0F) << 12) | ((byteAt(from) & 0x3F) << 6) | (byteAt(from + 1) & 0x3F);
                from += 2;
            } else if (b >= 0xC0) {
                b = ((b & 0x1F) << 6) | (byteAt(from++) & 0x3F);
            }
            h = 31 * h + b;
        }
        return h;
    }

    // ---- numbered ids ----

    /** The table hash of an id: placed by its number when it is numbered ({@link #numberOf}), else by its chars. */
    private int hashOf(String id) {
        long number = numberOf(id);
        return number >= 0 ? hashOfNumber(number) : id.hashCode();
    }

    /**
     * The number of an id that is the shared prefix and 1 to {@link #MAX_DIGITS} ASCII digits without a leading zero
     * ({@code 0} alone is one), else -1. The prefix has no digits, so such an id is exactly the prefix and the
     * number's decimal form: two ids have one number only when they are one text.
     */
    private long numberOf(String id) {
        byte[] p = prefix;
        int k = p.length, n = id.length();
        if (n <= k || n - k > MAX_DIGITS || (id.charAt(k) == '0' && n - k > 1)) return -1;
        for (int i = 0; i < k; i++) if (id.charAt(i) != p[i]) return -1;
        long v = 0;
        for (int i = k; i < n; i++) {
            int d = id.charAt(i) - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /** {@link #numberOf} of a stored form (the bytes after the prefix, or {@link #WHOLE} and all of them). */
    private long storedNumber(long from, long to) {
        long n = to - from;
        if (n < 1 || n > MAX_DIGITS || (byteAt(from) == '0' && n > 1)) return -1; // WHOLE is no digit
        long v = 0;
        for (long b = from; b < to; b++) {
            int d = byteAt(b) - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * The cell hash of a number: the hash whose mixing is the position chosen for it ({@link #localHome}, or a
     * scrambled one in a segment that had long probes), so the table places it there.
     */
    private int hashOfNumber(long v) {
        int segment = (int) (v >>> 4) & (SEGMENTS - 1);
        int slot = scrambled[segment] ? (int) mix64(v) & SLOT_MASK : localHome(v);
        return unmix(segment << SLOT_BITS | slot);
    }

    /**
     * Where number {@code v} goes in its segment ({@code (v >>> 4) mod 64}): the number without its segment's six
     * bits, so the 16 numbers of a run are neighbours, and the runs a segment receives follow each other.
     */
    private static int localHome(long v) { return (int) ((v >>> 10) << 4 | (v & 15)) & SLOT_MASK; }

    private static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
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
        // the prefix is fixed at the first remembered id: an id encoded before that is encoded again after
        encoded = prefix == null ? null : id;
    }

    private boolean startsWithPrefix(String id) {
        if (prefix == null || id.length() < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (id.charAt(i) != prefix[i]) return false;
        return true;
    }

    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** The multiplicative inverses (mod 2^32) of {@link #mix}'s two factors. */
    private static final int INVERSE_1 = inverse(0x85ebca6b), INVERSE_2 = inverse(0xc2b2ae35);

    /** {@link #mix}'s inverse: {@code mix(unmix(m)) == m} for every int. */
    static int unmix(int m) {
        m ^= m >>> 16;
        m *= INVERSE_2;
        m ^= (m >>> 13) ^ (m >>> 26);
        m *= INVERSE_1;
        return m ^ (m >>> 16);
    }

    /** The inverse of an odd int modulo 2^32 (Newton's iteration doubles the correct low bits each step). */
    private static int inverse(int a) {
        int x = a; // correct to 3 bits for an odd a
        for (int i = 0; i < 5; i++) x *= 2 - a * x;
        return x;
    }

    // ---- table ----

    private static long cell(int hash, int code) { return ((long) hash << 32) | (code & 0xFFFF_FFFFL); }

    private static int mixedOf(long cell) { return mix((int) (cell >>> 32)); }

    private void insert(int code, int h) {
        int m = mix(h);
        int segment = m >>> SLOT_BITS;
        long[] t = segments[segment];
        if (10L * (segmentSize[segment] + 1) > 7L * t.length) {
            grow(segment);
        } else if (vacantSlot >= 0 && vacantChanges == changes && vacantHash == h && vacantTable == t) {
            t[vacantSlot] = cell(h, code); // the empty cell that ended find's probe for this hash: nothing moved since
            int displacement = (vacantSlot - m) & (t.length - 1);
            if (displacement > maxDisplacement[segment]) maxDisplacement[segment] = displacement;
            vacantSlot = -1;
            segmentSize[segment]++;
            changes++;
            if (displacement > LONG_PROBE && !scrambled[segment]) scramble(segment);
            return;
        }
        int probes = place(segments[segment], cell(h, code), m);
        if (probes > maxDisplacement[segment]) maxDisplacement[segment] = probes;
        segmentSize[segment]++;
        changes++;
        if (probes > LONG_PROBE && !scrambled[segment]) scramble(segment);
    }

    /** Puts a cell at the first empty cell from its home; returns how many cells were probed before it. */
    private static int place(long[] t, long cell, int mixed) {
        int mask = t.length - 1;
        int s = mixed & mask;
        int probes = 0;
        while (t[s] != 0) {
            s = (s + 1) & mask;
            probes++;
        }
        t[s] = cell;
        return probes;
    }

    private void grow(int segment) {
        long[] old = segments[segment];
        long[] grown = new long[old.length * 2];
        int most = 0;
        for (long v : old) if (v != 0) most = Math.max(most, place(grown, v, mixedOf(v)));
        segments[segment] = grown;
        maxDisplacement[segment] = most;
        changes++;
    }

    /**
     * Places the numbered ids of a segment by a scrambled number from now on (their numbers piled up: long probes),
     * rehashing its cells in a table of the same size; the ids of other shapes keep their hashes.
     */
    private void scramble(int segment) {
        scrambled[segment] = true;
        long[] old = segments[segment];
        long[] rebuilt = new long[old.length];
        int most = 0;
        for (long v : old) {
            if (v == 0) continue;
            int code = (int) v;
            long number;
            if (code < 0) {
                number = numberOf(openId[-code - 1]);
            } else {
                long seq = seqOf(code);
                number = storedNumber(startOf(seq), seq + 1 == tail ? bytesTail : startOf(seq + 1));
            }
            if (number >= 0) {
                int h = hashOfNumber(number);
                v = cell(h, code);
                if (code < 0) openHash[-code - 1] = h;
            }
            most = Math.max(most, place(rebuilt, v, mixedOf(v)));
        }
        segments[segment] = rebuilt;
        maxDisplacement[segment] = most;
        changes++;
    }

    /** Whether a segment's numbered ids are placed by a scrambled number (it had long probes): for tests. */
    boolean scrambled(int segment) { return scrambled[segment]; }

    /** Deletes a remembered entry with backward shift, so probes never meet a tombstone. */
    private void remove(long seq) {
        int h = hashOfStored(seq);
        int m = mix(h);
        int segment = m >>> SLOT_BITS;
        long[] t = segments[segment];
        int mask = t.length - 1;
        long cell = cell(h, code(seq));
        int s = m & mask;
        while (t[s] != cell) s = (s + 1) & mask;
        int hole = s;
        int reach = maxDisplacement[segment];
        for (int j = (hole + 1) & mask; t[j] != 0 && ((j - hole) & mask) <= reach; j = (j + 1) & mask) {
            int ideal = mixedOf(t[j]) & mask;
            // j may move back into the hole unless its ideal slot lies cyclically in (hole, j]
            boolean stays = hole <= j ? (hole < ideal && ideal <= j) : (hole < ideal || ideal <= j);
            if (!stays) {
                t[hole] = t[j];
                hole = j;
            }
        }
        t[hole] = 0;
        segmentSize[segment]--;
        changes++;
    }

    @Override public String toString() { return "MessageIds[" + openCount + " open, " + size() + " remembered]"; }
}
