package io.wabill.sim.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The primitive reorder queue gives what a PriorityQueue with the executive's comparator gives (EventOrder). */
class ReorderQueueTest {
    /** A node as the comparator it replaces saw it; {@code id} stands for the entry. */
    private record Node(long instant, boolean inbound, long sequence, boolean probe, Integer id) {}

    private static final Comparator<Node> ORDER = Comparator.comparingLong(Node::instant)
            .thenComparing(n -> !n.inbound()).thenComparingLong(Node::sequence).thenComparing(n -> !n.probe());

    @Test
    void popsInTheExecutivesOrderThroughAddsRemovesAndMoves() { run(false); }

    @Test
    void popsInTheExecutivesOrderWhenMostNodesComeInOrder() { run(true); }

    /** @param mostlySorted instants grow with the steps (the sorted run), a few come early (the heap) */
    private void run(boolean mostlySorted) {
        SplittableRandom random = new SplittableRandom(mostlySorted ? 6 : 5);
        ReorderQueue<Integer> heap = new ReorderQueue<>(4), other = new ReorderQueue<>(4);
        PriorityQueue<Node> model = new PriorityQueue<>(ORDER), otherModel = new PriorityQueue<>(ORDER);
        List<Node> live = new ArrayList<>();
        long sequence = 0;
        for (int step = 0; step < 60_000; step++) {
            int op = random.nextInt(10);
            if (op < 5 || model.isEmpty()) {
                // few distinct instants, so the later keys decide often; a probe shares its message's entry
                long instant = mostlySorted ? step / 8 - (random.nextInt(10) == 0 ? random.nextInt(30) : 0) : random.nextInt(50);
                boolean inbound = random.nextInt(3) == 0;
                long seq = random.nextInt(4) == 0 ? -sequence : sequence;
                sequence++;
                boolean probe = !inbound && random.nextInt(4) == 0;
                Node n = new Node(instant, inbound, seq, probe, (int) (seq & 0xFFFF));
                heap.add(instant, seq, ReorderQueue.flags(inbound, probe), n.id());
                model.add(n);
                live.add(n);
            } else if (op < 8) {
                Node expected = model.poll();
                assertEquals(expected.instant(), heap.peekInstant());
                assertEquals(expected.sequence(), heap.peekSequence());
                assertEquals(expected.probe(), heap.peekIsProbe());
                assertEquals(expected.id(), heap.peek());
                heap.removeTop();
                live.remove(expected);
            } else if (op == 8) {
                Node n = live.get(random.nextInt(live.size()));
                if (!n.probe() && !live.stream().anyMatch(o -> o != n && !o.probe() && o.id().equals(n.id()))) {
                    assertTrue(heap.removeMessage(n.id()));
                    model.remove(n);
                    live.remove(n);
                    assertFalse(heap.removeMessage(n.id()));
                }
            } else {
                Node n = model.poll();
                live.remove(n);
                heap.moveTopTo(other);
                otherModel.add(n);
                if (random.nextInt(20) == 0) {
                    other.moveAllTo(heap);
                    model.addAll(otherModel);
                    live.addAll(otherModel);
                    otherModel.clear();
                }
            }
            assertEquals(model.size(), heap.size());
            assertEquals(otherModel.size(), other.size());
        }
        while (!otherModel.isEmpty()) {
            Node n = otherModel.poll();
            assertEquals(n.id(), other.peek());
            assertEquals(n.instant(), other.peekInstant());
            other.removeTop();
        }
        assertTrue(other.isEmpty());
    }
}
