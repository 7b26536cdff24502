package io.wabill.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The window tracker (and the pair table under it, which forgets closed pairs in place) answers exactly as a
 * map that never forgets anything, over a long random stream that sweeps the table many times.
 */
class WindowTrackerTest {
    static final long DAY = PairState.DAY;

    @Test
    void answersLikeAMapThatNeverForgetsWhileSweepingClosedPairs() {
        SplittableRandom rnd = new SplittableRandom(11);
        WindowTracker tracker = new WindowTracker(3 * DAY);
        Map<Long, Reference> reference = new HashMap<>();
        long t = 1_790_000_000_000L;
        for (int i = 0; i < 400_000; i++) {
            t += rnd.nextLong(60_000);
            // a few busy pairs and many that come back after their windows closed
            int pair = rnd.nextInt(10) < 3 ? rnd.nextInt(500) : rnd.nextInt(100_000);
            long business = 1 + pair % 7;
            long customer = 5_511_900_000_000L + pair;
            Reference r = reference.computeIfAbsent(business * 10_000_000_000_000L + customer, k -> new Reference());
            int roll = rnd.nextInt(10);
            if (roll < 3) {
                boolean entry = roll == 0;
                tracker.customer(business, customer, t, entry);
                r.customer(t, entry);
            } else {
                int slot = roll % 5;
                boolean utility = roll == 4;
                assertEquals(r.business(t, slot, utility), tracker.business(business, customer, t, slot, utility), "event " + i);
            }
        }
        assertTrue(tracker.pairsHeld() < reference.size() / 4,
                "closed pairs were forgotten: " + tracker.pairsHeld() + " held of " + reference.size());
    }

    @Test
    void aCustomerMessageOpensTheServiceWindowForTwentyFourHoursHalfOpen() {
        WindowTracker w = new WindowTracker(3 * DAY);
        w.customer(1, 55, 1_000, false);
        assertEquals(WindowTracker.FREE_SERVICE, w.business(1, 55, 1_000 + DAY - 1, 1, true));
        assertEquals(WindowTracker.CHARGED, w.business(1, 55, 1_000 + DAY, 1, true));
    }

    /** The rules of {@link WindowTracker#business} kept per pair in a plain object. */
    static final class Reference {
        long cswEnd = Long.MIN_VALUE, entryAt = Long.MIN_VALUE, fepEnd = Long.MIN_VALUE;
        boolean entryPending;
        final long[] conversationEnd = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};

        void customer(long t, boolean entry) {
            cswEnd = t + DAY;
            if (entry) {
                entryAt = t;
                entryPending = true;
            }
        }

        int business(long t, int slot, boolean utility) {
            if (t < fepEnd) return WindowTracker.FREE_ENTRY_POINT;
            if (entryPending && t >= entryAt && t < entryAt + DAY) {
                entryPending = false;
                fepEnd = t + 3 * DAY;
                return WindowTracker.FREE_ENTRY_POINT;
            }
            if (utility && t < cswEnd) return WindowTracker.FREE_SERVICE;
            if (t < conversationEnd[slot]) return WindowTracker.IN_CONVERSATION;
            long rounded = Math.floorMod(t, 60_000L) == 0 ? t : t - Math.floorMod(t, 60_000L) + 60_000L;
            conversationEnd[slot] = rounded + DAY;
            return WindowTracker.CHARGED;
        }
    }
}
