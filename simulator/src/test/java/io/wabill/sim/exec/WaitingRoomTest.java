package io.wabill.sim.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.strategy.Intent;
import io.wabill.sim.strategy.IntentAccess;
import io.wabill.sim.testing.TestWorld;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WaitingRoomTest {
    private final TestWorld w = new TestWorld();
    private int n;

    private Intent intent() {
        return new Intent(w.template("T" + (n++), "2025-08-04T10:00:00Z", "5511987600001", TemplateCategory.UTILITY));
    }

    @Test
    void aCustomerTakesTheirPairsMessagesInWaitingOrderAndNoOthers() {
        WaitingRoom room = new WaitingRoom();
        Intent a1 = intent(), a2 = intent(), a3 = intent(), b1 = intent();
        room.add(1, 55, a1);
        room.add(2, 55, b1); // another business, same customer: another pair
        room.add(1, 55, a2);
        room.add(1, 55, a3);
        assertEquals(4, room.size());
        List<Intent> out = new ArrayList<>();
        room.takeAll(1, 55, out);
        assertEquals(List.of(a1, a2, a3), out);
        assertEquals(1, room.size());
        for (Intent i : out) assertNull(IntentAccess.waitingNext(i), "taken out of every list");
        room.takeAll(1, 55, out);
        assertTrue(out.isEmpty(), "the pair's list is gone");
        room.takeAll(2, 55, out);
        assertEquals(List.of(b1), out);
        assertTrue(room.isEmpty());
    }

    @Test
    void aMessageLeavingByItsDeadlineLeavesTheRestInOrder() {
        WaitingRoom room = new WaitingRoom();
        Intent a1 = intent(), a2 = intent(), a3 = intent(), a4 = intent();
        for (Intent i : List.of(a1, a2, a3, a4)) room.add(7, 99, i);
        room.remove(7, 99, a1); // the first
        room.remove(7, 99, a3); // one in the middle
        room.remove(7, 99, a3); // again: it waits in no list, nothing happens
        List<Intent> out = new ArrayList<>();
        room.takeAll(7, 99, out);
        assertEquals(List.of(a2, a4), out);
        Intent alone = intent();
        room.add(7, 99, alone);
        room.remove(7, 99, alone);
        assertTrue(room.isEmpty());
        room.takeAll(7, 99, out);
        assertTrue(out.isEmpty(), "the last one out takes the pair out of the table");
    }

    @Test
    void aMessageWaitsInOneListAtATime() {
        WaitingRoom room = new WaitingRoom();
        Intent a = intent();
        room.add(1, 1, a);
        assertThrows(IllegalStateException.class, () -> room.add(1, 2, a));
    }

    /** Many pairs, growth and deletions in random order against a map of lists. */
    @Test
    void agreesWithAMapOfListsUnderRandomTraffic() {
        WaitingRoom room = new WaitingRoom();
        Map<Long, List<Intent>> model = new LinkedHashMap<>();
        Map<Intent, Long> pairOf = new HashMap<>();
        Random r = new Random(3);
        List<Intent> out = new ArrayList<>();
        int waiting = 0;
        for (int step = 0; step < 50_000; step++) {
            long customer = r.nextInt(3000);
            long business = customer % 3;
            long key = business * 1_000_000 + customer;
            int op = r.nextInt(10);
            if (op < 6) {
                Intent i = intent();
                room.add(business, customer, i);
                model.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                pairOf.put(i, key);
                waiting++;
            } else if (op < 8) {
                room.takeAll(business, customer, out);
                List<Intent> expected = model.remove(key);
                assertEquals(expected == null ? List.of() : expected, out);
                waiting -= out.size();
            } else {
                List<Intent> list = model.get(key);
                if (list == null) continue;
                Intent i = list.remove(r.nextInt(list.size()));
                if (list.isEmpty()) model.remove(key);
                room.remove(business, customer, i);
                waiting--;
            }
            assertEquals(waiting, room.size());
        }
        for (Map.Entry<Long, List<Intent>> e : model.entrySet()) {
            long key = e.getKey();
            room.takeAll(key / 1_000_000, key % 1_000_000, out);
            assertEquals(e.getValue(), out);
            assertSame(e.getValue().get(0), out.get(0));
        }
        assertTrue(room.isEmpty());
    }
}
