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

/**
 * The one table of open and released ids answers exactly like a map of open ids plus a map of remembered ids that
 * forgets in order (G10), whatever the hashes.
 */
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

    /** Ids of equal {@link String#hashCode()}: "Aa" and "BB" hash alike, so every word of them does too. */
    private static String colliding(int n, int letters) {
        StringBuilder b = new StringBuilder("wamid.");
        for (int i = 0; i < letters; i++) b.append((n >> i & 1) == 0 ? "Aa" : "BB");
        return b.toString();
    }

    @Test
    void openAndRememberedIdsAreTellApartExactlyEvenWhenTheirHashesCollide() {
        MessageIds ids = new MessageIds();
        Map<String, Integer> open = new HashMap<>();
        Map<String, Remembered> remembered = new HashMap<>();
        List<Remembered> added = new ArrayList<>();
        int forgotten = 0;
        SplittableRandom random = new SplittableRandom(3);
        long now = 0;
        for (int step = 0; step < 200_000; step++) {
            now += random.nextInt(100);
            // a third of the ids share one hash (2^12 of them), the rest are ordinary
            String id = random.nextInt(3) == 0 ? colliding(random.nextInt(1 << 12), 12) : "wamid.x" + random.nextInt(60_000);
            long found = ids.find(new String(id)); // another String object: equality, not identity
            if (open.containsKey(id)) {
                assertTrue(MessageIds.isOpen(found), id);
                int slot = MessageIds.slotOf(found);
                assertEquals(open.get(id), slot);
                assertEquals(id, ids.value(slot));
                if (random.nextBoolean()) { // released: remembered from now on, in the same cell
                    Remembered r = new Remembered(id, now + 50_000, random.nextBoolean(), random.nextLong());
                    ids.release(slot, r.forgetAfter(), r.undelivered(), r.identity());
                    open.remove(id);
                    remembered.put(id, r);
                    added.add(r);
                }
            } else if (remembered.containsKey(id)) {
                assertTrue(found >= 0, id);
                assertEquals(remembered.get(id).undelivered(), ids.undelivered(found));
                assertTrue(ids.sameIdentity(found, remembered.get(id).identity()));
            } else {
                assertEquals(MessageIds.ABSENT, found, id);
                open.put(id, ids.open(id, id));
            }
            ids.forgetBefore(now);
            while (forgotten < added.size()) {
                int pageEnd = Math.min(added.size(), (forgotten / 16_384 + 1) * 16_384);
                if (added.get(pageEnd - 1).forgetAfter() >= now) break;
                for (int i = forgotten; i < pageEnd; i++) remembered.remove(added.get(i).id());
                forgotten = pageEnd;
            }
            assertEquals(open.size(), ids.openCount());
            assertEquals(remembered.size(), ids.size());
        }
        List<Object> values = new ArrayList<>();
        ids.forEachOpen(values::add);
        assertEquals(open.size(), values.size());
        assertTrue(open.keySet().containsAll(values));
        assertTrue(ids.peak() > 16_384, "the pages filled and wrapped: " + ids.peak());
    }

    @Test
    void unmixUndoesMix() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 1_000_000; i++) {
            int m = random.nextInt();
            assertEquals(m, MessageIds.mix(MessageIds.unmix(m)));
        }
        assertEquals(0, MessageIds.mix(MessageIds.unmix(0)));
        assertEquals(-1, MessageIds.mix(MessageIds.unmix(-1)));
    }

    /**
     * Numbered ids ({@code m} and digits) are placed by their number; ids of one number written otherwise (a leading
     * zero, more digits than a long holds, another prefix) are other ids, told apart exactly.
     */
    @Test
    void numberedIdsAndTheirLookAlikesAreTellApartExactly() {
        SplittableRandom random = new SplittableRandom(17);
        long[] next = {0};
        MessageIds ids = exercise(250_000, 7, () -> {
            long n = random.nextInt(4) == 0 ? Math.max(0, next[0] - random.nextInt(5_000)) : next[0]++; // status rows come back
            return switch (random.nextInt(12)) {
                case 0 -> "m0" + n; // a leading zero: not the number n
                case 1 -> "m" + n + "x";
                case 2 -> "m" + "9".repeat(18 + random.nextInt(3)); // 18 digits is a number, 19 and 20 are not
                case 3 -> "M" + n;
                case 4 -> "m";
                case 5 -> "m" + (1_000_000_000_000_000_000L - 1 - random.nextInt(3)); // the largest numbers
                default -> "m" + n;
            };
        });
    }

    /** A log's own numbering (new ids in order, status rows of recent ones) stays placed by number: no long probes. */
    @Test
    void consecutiveNumbersAreNeverScrambled() {
        SplittableRandom random = new SplittableRandom(19);
        long[] next = {0};
        MessageIds ids = exercise(200_000, 9, () -> "wamid.gen"
                + (random.nextInt(4) == 0 ? Math.max(0, next[0] - random.nextInt(5_000)) : next[0]++));
        for (int s = 0; s < 64; s++) assertFalse(ids.scrambled(s), "segment " + s);
    }

    /** Numbers a power of two apart pile up in one place: the segment is rebuilt scrambled, the answers stay exact. */
    @Test
    void numbersThatPileUpAreScrambledAndStillExact() {
        SplittableRandom random = new SplittableRandom(23);
        long[] next = {0};
        MessageIds ids = exercise(120_000, 13, () -> {
            long n = random.nextInt(4) == 0 ? Math.max(0, next[0] - random.nextInt(2_000)) : next[0]++;
            return random.nextInt(10) == 0 ? "wamid.AaBB" + n % 7 + "x" : "wamid.x" + (n << 20);
        });
        boolean any = false;
        for (int s = 0; s < 64; s++) any |= ids.scrambled(s);
        assertTrue(any, "a segment was scrambled");
    }

    /**
     * Drives a table with ids from {@code next}: a new id is opened, an open one released (sometimes) or looked up, a
     * remembered one looked up, all against maps of open and remembered ids that forget by pages; returns the table.
     */
    private static MessageIds exercise(int steps, long seed, java.util.function.Supplier<String> next) {
        MessageIds ids = new MessageIds();
        Map<String, Integer> open = new HashMap<>();
        Map<String, Remembered> remembered = new HashMap<>();
        List<Remembered> added = new ArrayList<>();
        int forgotten = 0;
        SplittableRandom random = new SplittableRandom(seed);
        long now = 0;
        for (int step = 0; step < steps; step++) {
            now += random.nextInt(100);
            String id = next.get();
            long found = ids.find(new String(id));
            if (open.containsKey(id)) {
                assertTrue(MessageIds.isOpen(found), id);
                int slot = MessageIds.slotOf(found);
                assertEquals(open.get(id), slot);
                assertEquals(id, ids.value(slot));
                if (random.nextInt(3) != 0) {
                    Remembered r = new Remembered(id, now + 40_000, random.nextBoolean(), random.nextLong());
                    ids.release(slot, r.forgetAfter(), r.undelivered(), r.identity());
                    open.remove(id);
                    remembered.put(id, r);
                    added.add(r);
                }
            } else if (remembered.containsKey(id)) {
                assertTrue(found >= 0, id);
                assertEquals(remembered.get(id).undelivered(), ids.undelivered(found));
                assertTrue(ids.sameIdentity(found, remembered.get(id).identity()));
            } else {
                assertEquals(MessageIds.ABSENT, found, id);
                if (random.nextInt(8) == 0) { // added remembered at once, as a log held whole does
                    Remembered r = new Remembered(id, now + 40_000, random.nextBoolean(), random.nextLong());
                    ids.add(id, r.forgetAfter(), r.undelivered(), r.identity());
                    remembered.put(id, r);
                    added.add(r);
                } else {
                    open.put(id, ids.open(id, id));
                }
            }
            ids.forgetBefore(now);
            while (forgotten < added.size()) {
                int pageEnd = Math.min(added.size(), (forgotten / 16_384 + 1) * 16_384);
                if (added.get(pageEnd - 1).forgetAfter() >= now) break;
                for (int i = forgotten; i < pageEnd; i++) remembered.remove(added.get(i).id());
                forgotten = pageEnd;
            }
            assertEquals(open.size(), ids.openCount());
            assertEquals(remembered.size(), ids.size());
        }
        for (String id : open.keySet()) assertEquals(open.get(id), MessageIds.slotOf(ids.find(id)), id);
        for (String id : remembered.keySet()) assertTrue(ids.find(id) >= 0, id);
        assertTrue(ids.peak() > 16_384, "the pages filled and wrapped: " + ids.peak());
        return ids;
    }
}
