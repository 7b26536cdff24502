package io.wabill.sim.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The compact store of released ids answers exactly like a map that forgets in order (G10). */
class MessageIdsTest {
    private record Remembered(String id, long forgetAfter, boolean undelivered, long identity) {}

    @Test
    void answersLikeAMapThatForgetsInOrder() {
        MessageIds ids = new MessageIds();
        Map<String, Remembered> model = new HashMap<>();
        List<Remembered> added = new ArrayList<>(); // forget times grow with insertion, as in a stream
        int forgotten = 0;
        SplittableRandom random = new SplittableRandom(11);
        long now = 1_700_000_000_000L;
        int next = 0;
        for (int step = 0; step < 300_000; step++) {
            now += random.nextInt(2_000);
            // ids of several shapes: the shared prefix, other prefixes, non-ASCII, the bare prefix
            String id = switch (random.nextInt(10)) {
                case 0 -> "other-" + next++;
                case 1 -> "wamid.gén" + next++ + "\u20ac";
                case 2 -> "wamid.gen";
                default -> "wamid.gen" + next++;
            };
            if (model.containsKey(id)) {
                long e = ids.find(id);
                assertTrue(e >= 0, id);
                assertEquals(model.get(id).undelivered(), ids.undelivered(e));
                assertTrue(ids.sameIdentity(e, model.get(id).identity()));
                assertFalse(ids.sameIdentity(e, model.get(id).identity() + 1) && ids.sameIdentity(e, model.get(id).identity() + 2),
                        "15 bits of identity tell most disagreements");
            } else {
                assertEquals(-1, ids.find(id), id);
                Remembered r = new Remembered(id, now + 4_000_000L, random.nextBoolean(), random.nextLong());
                ids.add(id, r.forgetAfter(), r.undelivered(), r.identity());
                model.put(id, r);
                added.add(r);
            }
            ids.forgetBefore(now);
            // ids go by pages of 16K, once the page's newest may go
            while (forgotten < added.size()) {
                int pageEnd = Math.min(added.size(), (forgotten / 16_384 + 1) * 16_384);
                if (added.get(pageEnd - 1).forgetAfter() >= now) break;
                for (int i = forgotten; i < pageEnd; i++) model.remove(added.get(i).id());
                forgotten = pageEnd;
            }
            assertEquals(model.size(), ids.size());
        }
        assertTrue(ids.peak() > 16_384, "the pages filled and wrapped: " + ids.peak());
    }

    @Test
    void aForgottenIdIsNoLongerFoundAndANeverForgottenOneStays() {
        MessageIds ids = new MessageIds();
        ids.add("a1", 10_000, false, 1);
        for (int i = 2; i <= 16_384; i++) ids.add("a" + i, 10_000, false, i); // one page, all forgettable at 10 s
        ids.add("b", Long.MAX_VALUE, true, 2);
        ids.forgetBefore(20_000);
        assertEquals(-1, ids.find("a1"));
        long b = ids.find("b");
        assertTrue(b >= 0 && ids.undelivered(b));
        ids.forgetBefore(Long.MAX_VALUE - 1);
        assertTrue(ids.find("b") >= 0, "a log held whole forgets nothing");
    }
}
