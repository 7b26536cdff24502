package io.wabill.sim.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    @Test
    void eventsFireByInstantThenPriorityThenInsertionOrder() {
        EventQueue q = new EventQueue(2);
        q.push(20, 0, "t20-p0-first");
        q.push(10, 2, "t10-p2");
        q.push(10, 1, "t10-p1-first");
        q.push(10, 1, "t10-p1-second");
        q.push(20, 0, "t20-p0-second");
        q.push(10, 0, "t10-p0");
        List<Object> order = new ArrayList<>();
        while (!q.isEmpty()) order.add(q.pop());
        assertEquals(List.of("t10-p0", "t10-p1-first", "t10-p1-second", "t10-p2", "t20-p0-first", "t20-p0-second"), order);
    }

    private record Ref(long time, int priority, long seq) {}

    @Test
    void interleavedPushesAndPopsMatchAPriorityQueueOnTheSameKeys() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int round = 0; round < 20; round++) {
            EventQueue q = new EventQueue(4);
            PriorityQueue<Ref> ref = new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time)
                    : a.priority != b.priority ? Integer.compare(a.priority, b.priority) : Long.compare(a.seq, b.seq));
            long seq = 0;
            for (int step = 0; step < 5000; step++) {
                if (ref.isEmpty() || rnd.nextInt(3) > 0) {
                    Ref r = new Ref(rnd.nextLong(50), rnd.nextInt(3), seq++);
                    ref.add(r);
                    q.push(r.time, r.priority, r);
                } else {
                    Ref expected = ref.poll();
                    assertEquals(expected.time, q.peekTime());
                    assertEquals(expected, q.pop());
                }
            }
            while (!ref.isEmpty()) assertEquals(ref.poll(), q.pop());
            assertTrue(q.isEmpty());
        }
    }

    /**
     * Mostly in-order pushes (a strategy's "now + 12 h" deadlines go to the in-order lane) mixed with earlier ones
     * (to the heap), popped in the one total order, each with the tag it was pushed with.
     */
    @Test
    void theInOrderLaneAndTheHeapPopInOneOrderWithTheirTags() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 20; round++) {
            EventQueue q = new EventQueue(4);
            PriorityQueue<Ref> ref = new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time)
                    : a.priority != b.priority ? Integer.compare(a.priority, b.priority) : Long.compare(a.seq, b.seq));
            long seq = 0, clock = 0;
            for (int step = 0; step < 5000; step++) {
                if (ref.isEmpty() || rnd.nextInt(3) > 0) {
                    clock += rnd.nextInt(3);
                    long time = rnd.nextInt(5) == 0 ? clock - rnd.nextInt(20) : clock + 100;
                    Ref r = new Ref(time, rnd.nextInt(3), seq++);
                    ref.add(r);
                    q.push(r.time, r.priority, r, r.seq * 31);
                } else {
                    Ref expected = ref.poll();
                    assertEquals(expected.time, q.peekTime());
                    assertEquals(expected.priority, q.peekPriority());
                    assertEquals(expected, q.pop());
                    assertEquals(expected.seq * 31, q.poppedTag());
                }
                assertEquals(ref.size(), q.size());
            }
            while (!ref.isEmpty()) {
                Ref expected = ref.poll();
                assertEquals(expected, q.pop());
                assertEquals(expected.seq * 31, q.poppedTag());
            }
            assertTrue(q.isEmpty());
        }
    }

    @Test
    void aPriorityOutsideZeroToSevenIsRefusedWithTheBound() {
        EventQueue q = new EventQueue();
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> q.push(1, 8, "x"));
        assertEquals("priority must be 0..7, was 8", e.getMessage());
    }

    @Test
    void growsPastItsCapacityAndKeepsEveryPayload() {
        EventQueue q = new EventQueue(16);
        for (int i = 0; i < 1000; i++) q.push(1000 - i, i % 3, i);
        for (int i = 999; i >= 0; i--) assertEquals(i, q.pop());
        assertTrue(q.isEmpty());
    }
}
