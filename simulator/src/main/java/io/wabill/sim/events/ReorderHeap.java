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
 * @param <E> the payload
 */
final class ReorderHeap<E> {
    private static final int ARITY = 4;
    /** Bit 1: a business (outbound) message; bit 0: the message itself, not its probe. */
    static final int OUTBOUND = 2, NOT_PROBE = 1;

    private long[] instant;
    private long[] sequence;
    private byte[] flags;
    private Object[] payload;
    private int size;

    ReorderHeap() { this(64); }

    ReorderHeap(int capacity) {
        instant = new long[capacity];
        sequence = new long[capacity];
        flags = new byte[capacity];
        payload = new Object[capacity];
    }

    static int flags(boolean inbound, boolean probe) { return (inbound ? 0 : OUTBOUND) | (probe ? 0 : NOT_PROBE); }

    boolean isEmpty() { return size == 0; }

    int size() { return size; }

    long peekInstant() { return instant[0]; }

    long peekSequence() { return sequence[0]; }

    int peekFlags() { return flags[0]; }

    boolean peekIsProbe() { return (flags[0] & NOT_PROBE) == 0; }

    @SuppressWarnings("unchecked")
    E peek() { return (E) payload[0]; }

    void add(long at, long seq, int f, E item) {
        if (size == payload.length) grow();
        siftUp(size++, at, seq, (byte) f, item);
    }

    /** Moves the first node to {@code to}, keys and payload unchanged. */
    void moveTopTo(ReorderHeap<E> to) {
        to.add(instant[0], sequence[0], flags[0], peek());
        removeTop();
    }

    /** Moves every node to {@code to}. */
    void moveAllTo(ReorderHeap<E> to) {
        for (int i = 0; i < size; i++) {
            @SuppressWarnings("unchecked") E e = (E) payload[i];
            to.add(instant[i], sequence[i], flags[i], e);
            payload[i] = null;
        }
        size = 0;
    }

    void removeTop() { removeAt(0); }

    /** Removes the message node (not a probe) of {@code item}, found by identity; false when it is not here. */
    boolean removeMessage(E item) {
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
