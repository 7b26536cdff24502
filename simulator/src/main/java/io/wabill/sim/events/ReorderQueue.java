package io.wabill.sim.events;

import java.util.Arrays;

/**
 * The assembler's reorder queue: a 4-ary min-heap of primitive keys in parallel arrays, in the executive's order
 * ({@link EventOrder}): instant, then a customer's message before a business message, then insertion order, then
 * the moment a message reaches its send instant (a probe, {@link MessageAssembler.Listener#atSend}) before the
 * message itself. The keys make the order total, so what comes out never depends on the heap's shape.
 *
 * <p>It replaces a {@code PriorityQueue} of entries with a comparator: no key is read through an object, and adding
 * or taking allocates nothing once the arrays have grown to the most entries held at once. The payload of a node
 * is the message's entry; a probe and its message share one.
 *
 * <p>Messages mostly come in order (a row's instant is its timestamp, or a delivery seconds later), so a node not
 * before the last one of a sorted run goes to the end of that run (a ring, no sifting) and only the others into the
 * heap; the first node is the first of the two. The order is the same: both are sorted.
 *
 * @param <E> the payload
 */
final class ReorderQueue<E> {
    private static final int ARITY = 4;
    /** Bit 1: a business (outbound) message; bit 0: the message itself, not its probe. */
    static final int OUTBOUND = 2, NOT_PROBE = 1;

    private long[] instant;
    private long[] sequence;
    private byte[] flags;
    private Object[] payload;
    private int size;

    /** The sorted run: a ring of {@code runSize} nodes from {@code runHead}, each not before the one it follows. */
    private long[] runInstant;
    private long[] runSequence;
    private byte[] runFlags;
    private Object[] runPayload;
    private int runHead;
    private int runSize;

    ReorderQueue() { this(64); }

    ReorderQueue(int capacity) {
        instant = new long[capacity];
        sequence = new long[capacity];
        flags = new byte[capacity];
        payload = new Object[capacity];
        int ring = Integer.highestOneBit(Math.max(16, capacity - 1) * 2);
        runInstant = new long[ring];
        runSequence = new long[ring];
        runFlags = new byte[ring];
        runPayload = new Object[ring];
    }

    static int flags(boolean inbound, boolean probe) { return (inbound ? 0 : OUTBOUND) | (probe ? 0 : NOT_PROBE); }

    boolean isEmpty() { return size == 0 && runSize == 0; }

    int size() { return size + runSize; }

    /** Whether the first node is the run's (else the heap's); the queue is not empty. */
    private boolean runFirst() {
        if (runSize == 0) return false;
        if (size == 0) return true;
        int h = runHead;
        return before(runInstant[h], runSequence[h], runFlags[h], instant[0], sequence[0], flags[0]);
    }

    long peekInstant() { return runFirst() ? runInstant[runHead] : instant[0]; }

    long peekSequence() { return runFirst() ? runSequence[runHead] : sequence[0]; }

    int peekFlags() { return runFirst() ? runFlags[runHead] : flags[0]; }

    boolean peekIsProbe() { return (peekFlags() & NOT_PROBE) == 0; }

    @SuppressWarnings("unchecked")
    E peek() { return (E) (runFirst() ? runPayload[runHead] : payload[0]); }

    void add(long at, long seq, int f, E item) {
        int mask = runPayload.length - 1;
        if (runSize == 0) runHead = 0;
        int last = (runHead + runSize - 1) & mask;
        if (runSize == 0 || !before(at, seq, f, runInstant[last], runSequence[last], runFlags[last])) {
            if (runSize == runPayload.length) growRun();
            int at0 = (runHead + runSize++) & (runPayload.length - 1);
            runInstant[at0] = at;
            runSequence[at0] = seq;
            runFlags[at0] = (byte) f;
            runPayload[at0] = item;
            return;
        }
        if (size == payload.length) grow();
        siftUp(size++, at, seq, (byte) f, item);
    }

    /** Moves the first node to {@code to}, keys and payload unchanged. */
    void moveTopTo(ReorderQueue<E> to) {
        if (runFirst()) {
            int h = runHead;
            @SuppressWarnings("unchecked") E e = (E) runPayload[h];
            to.add(runInstant[h], runSequence[h], runFlags[h], e);
        } else {
            to.add(instant[0], sequence[0], flags[0], peekHeap());
        }
        removeTop();
    }

    @SuppressWarnings("unchecked")
    private E peekHeap() { return (E) payload[0]; }

    /** Moves every node to {@code to}. */
    void moveAllTo(ReorderQueue<E> to) {
        for (int i = 0; i < size; i++) {
            @SuppressWarnings("unchecked") E e = (E) payload[i];
            to.add(instant[i], sequence[i], flags[i], e);
            payload[i] = null;
        }
        size = 0;
        int mask = runPayload.length - 1;
        for (int k = 0; k < runSize; k++) {
            int i = (runHead + k) & mask;
            @SuppressWarnings("unchecked") E e = (E) runPayload[i];
            to.add(runInstant[i], runSequence[i], runFlags[i], e);
            runPayload[i] = null;
        }
        runSize = 0;
    }

    void removeTop() {
        if (runFirst()) {
            runPayload[runHead] = null;
            runHead = (runHead + 1) & (runPayload.length - 1);
            runSize--;
        } else {
            removeAt(0);
        }
    }

    /** Removes the message node (not a probe) of {@code item}, found by identity; false when it is not here. */
    boolean removeMessage(E item) {
        int mask = runPayload.length - 1;
        for (int k = 0; k < runSize; k++) {
            int i = (runHead + k) & mask;
            if (runPayload[i] == item && (runFlags[i] & NOT_PROBE) != 0) {
                // the later nodes move up one: the run stays sorted
                for (int n = k + 1; n < runSize; n++) {
                    int from = (runHead + n) & mask, to = (from - 1) & mask;
                    runInstant[to] = runInstant[from];
                    runSequence[to] = runSequence[from];
                    runFlags[to] = runFlags[from];
                    runPayload[to] = runPayload[from];
                }
                runPayload[(runHead + --runSize) & mask] = null;
                return true;
            }
        }
        for (int i = 0; i < size; i++) {
            if (payload[i] == item && (flags[i] & NOT_PROBE) != 0) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    void clear() {
        Arrays.fill(payload, 0, size, null);
        size = 0;
        Arrays.fill(runPayload, null);
        runSize = 0;
    }

    private void growRun() {
        int old = runPayload.length, c = old * 2;
        long[] t = new long[c], s = new long[c];
        byte[] f = new byte[c];
        Object[] p = new Object[c];
        for (int k = 0; k < runSize; k++) {
            int i = (runHead + k) & (old - 1);
            t[k] = runInstant[i];
            s[k] = runSequence[i];
            f[k] = runFlags[i];
            p[k] = runPayload[i];
        }
        runInstant = t;
        runSequence = s;
        runFlags = f;
        runPayload = p;
        runHead = 0;
    }

    private void removeAt(int i) {
        int last = --size;
        long t = instant[last];
        long s = sequence[last];
        byte f = flags[last];
        Object p = payload[last];
        payload[last] = null;
        if (i == last) return;
        // the last node fills the hole: down if it is after the hole's children, else up
        if (siftDown(i, t, s, f, p) == i) siftUp(i, t, s, f, p);
    }

    private static boolean before(long t1, long s1, int f1, long t2, long s2, int f2) {
        if (t1 != t2) return t1 < t2;
        if ((f1 & OUTBOUND) != (f2 & OUTBOUND)) return (f1 & OUTBOUND) == 0;
        if (s1 != s2) return s1 < s2;
        return (f1 & NOT_PROBE) < (f2 & NOT_PROBE);
    }

    private void siftUp(int i, long t, long s, byte f, Object p) {
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            if (!before(t, s, f, instant[parent], sequence[parent], flags[parent])) break;
            set(i, instant[parent], sequence[parent], flags[parent], payload[parent]);
            i = parent;
        }
        set(i, t, s, f, p);
    }

    /** @return where the node ended */
    private int siftDown(int i, long t, long s, byte f, Object p) {
        while (true) {
            int c = ARITY * i + 1;
            if (c >= size) break;
            int m = c;
            int end = Math.min(c + ARITY, size);
            for (int j = c + 1; j < end; j++)
                if (before(instant[j], sequence[j], flags[j], instant[m], sequence[m], flags[m])) m = j;
            if (!before(instant[m], sequence[m], flags[m], t, s, f)) break;
            set(i, instant[m], sequence[m], flags[m], payload[m]);
            i = m;
        }
        set(i, t, s, f, p);
        return i;
    }

    private void set(int i, long t, long s, byte f, Object p) {
        instant[i] = t;
        sequence[i] = s;
        flags[i] = f;
        payload[i] = p;
    }

    private void grow() {
        int c = payload.length * 2;
        instant = Arrays.copyOf(instant, c);
        sequence = Arrays.copyOf(sequence, c);
        flags = Arrays.copyOf(flags, c);
        payload = Arrays.copyOf(payload, c);
    }
}
