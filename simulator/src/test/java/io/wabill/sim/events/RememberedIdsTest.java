package io.wabill.sim.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The compact store of released ids answers exactly like a map that forgets in order (G10). */
class RememberedIdsTest {
    private record Remembered(String id, long forgetAfter, boolean undelivered, long identity) {}

    @Test
    void answersLikeAMapThatForgetsInOrder() {
        RememberedIds ids = new RememberedIds();
        Map<String, Remembered> model = new HashMap<>();
        ArrayDeque<Remembered> order = new ArrayDeque<>(); // forget times grow with insertion, as in a stream
        SplittableRandom random = new SplittableRandom(11);
        long now = 1_700_000_000_000L;
        int next = 0;
        for (int step = 0; step < 200_000; step++) {
            now += 1_000L * random.nextInt(3); // whole seconds: the store keeps forget times in seconds
            // ids of several shapes: the shared prefix, other prefixes, non-ASCII, the bare prefix
            String id = switch (random.nextInt(10)) {
                case 0 -> "other-" + next++;
                case 1 -> "wamid.gén" + next++ + "\u20ac";
                case 2 -> "wamid.gen";
                default -> "wamid.gen" + next++;
            };
            if (model.containsKey(id)) {
                int e = ids.find(id);
                assertTrue(e >= 0, id);
                assertEquals(model.get(id).undelivered(), ids.undelivered(e));
                assertTrue(ids.sameIdentity(e, model.get(id).identity()));
                assertFalse(ids.sameIdentity(e, model.get(id).identity() + 1) && ids.sameIdentity(e, model.get(id).identity() + 2),
                        "15 bits of identity tell most disagreements");
            } else {
                assertEquals(-1, ids.find(id), id);
                Remembered r = new Remembered(id, now + 6_000_000L, random.nextBoolean(), random.nextLong());
                ids.add(id, r.forgetAfter(), r.undelivered(), r.identity());
                model.put(id, r);
                order.add(r);
            }
            ids.forgetBefore(now);
            while (!order.isEmpty() && order.peek().forgetAfter() < now) model.remove(order.poll().id());
            assertEquals(model.size(), ids.size());
        }
        assertTrue(ids.peak() > 1_000, "the rings grew and wrapped: " + ids.peak());
    }

    @Test
    void aForgottenIdIsNoLongerFoundAndANeverForgottenOneStays() {
        RememberedIds ids = new RememberedIds();
        ids.add("a1", 10_000, false, 1);
        ids.add("b", Long.MAX_VALUE, true, 2);
        ids.forgetBefore(20_000);
        assertEquals(-1, ids.find("a1"));
        int b = ids.find("b");
        assertTrue(b >= 0 && ids.undelivered(b));
        ids.forgetBefore(Long.MAX_VALUE - 1);
        assertTrue(ids.find("b") >= 0, "a log held whole forgets nothing");
    }
}
