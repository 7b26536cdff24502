package io.wabill.sim.exec;

import java.util.Arrays;

/**
 * A binary min-heap of events over parallel primitive arrays: ordered by instant, then priority, then
 * insertion order. Pushing and popping allocate nothing once the arrays have grown to the largest number of
 * pending events; the payload is any object the caller attaches (a message, a deferred send).
 *
 * <p>The three keys make the order total, so equal instants never depend on the heap's internals: this is
 * the determinism contract of the executive.
 */
public final class EventQueue {
    private long[] time;
    private int[] priority;
    private long[] sequence;
    private Object[] payload;
    private int size;
    private long nextSequence;

    public EventQueue() { this(1024); }

    public EventQueue(int capacity) {
        int c = Math.max(16, capacity);
        time = new long[c];
        priority = new int[c];
        sequence = new long[c];
        payload = new Object[c];
    }

    public void push(long instant, int prio, Object item) {
        if (size == time.length) grow();
        int i = size++;
        long seq = nextSequence++;
        // sift up
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(instant, prio, seq, time[parent], priority[parent], sequence[parent])) break;
            move(parent, i);
            i = parent;
        }
        set(i, instant, prio, seq, item);
    }

    public boolean isEmpty() { return size == 0; }

    public int size() { return size; }

    public long peekTime() { return time[0]; }

    public int peekPriority() { return priority[0]; }

    /** Removes the first event and returns its payload; its instant was {@link #peekTime()}. */
    public Object pop() {
        Object top = payload[0];
        int last = --size;
        long t = time[last];
        int p = priority[last];
        long s = sequence[last];
        Object item = payload[last];
        payload[last] = null;
        if (last > 0) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= last) break;
                int right = child + 1;
                if (right < last && less(time[right], priority[right], sequence[right], time[child], priority[child], sequence[child]))
                    child = right;
                if (!less(time[child], priority[child], sequence[child], t, p, s)) break;
                move(child, i);
                i = child;
            }
            set(i, t, p, s, item);
        }
        return top;
    }

    private static boolean less(long t1, int p1, long s1, long t2, int p2, long s2) {
        if (t1 != t2) return t1 < t2;
        if (p1 != p2) return p1 < p2;
        return s1 < s2;
    }

    private void move(int from, int to) {
        time[to] = time[from];
        priority[to] = priority[from];
        sequence[to] = sequence[from];
        payload[to] = payload[from];
    }

    private void set(int i, long t, int p, long s, Object item) {
        time[i] = t;
        priority[i] = p;
        sequence[i] = s;
        payload[i] = item;
    }

    private void grow() {
        int c = time.length * 2;
        time = Arrays.copyOf(time, c);
        priority = Arrays.copyOf(priority, c);
        sequence = Arrays.copyOf(sequence, c);
        payload = Arrays.copyOf(payload, c);
    }
}
