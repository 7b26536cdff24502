package io.wabill.sim.exec;

import io.wabill.sim.strategy.Intent;
import io.wabill.sim.strategy.IntentAccess;
import java.util.Arrays;

/**
 * Deferred messages waiting for their customer's next message, per (business, customer) pair: open addressing over
 * the engine's primitive pair keys to the first of the pair's intents, which form a circle in waiting order (linked
 * through the intents themselves, see {@link IntentAccess#linkWaiting}). Adding, taking a pair's whole list when its
 * customer writes, and taking one intent out when its deadline comes first are each one probe and no allocation: a
 * deferral of a message did a string key, a list and a hash-map removal before.
 *
 * <p>Keys are exact (business index, customer key) pairs, never a hash alone. An emptied pair leaves the table at once
 * (deletion shifts the rest of its probe run back), so the table holds the pairs with a waiting message, bounded by
 * the deferral horizon, not by the log.
 */
final class WaitingRoom {
    private static final long EMPTY = -1;
    /** Slot i: business at 2i, customer at 2i + 1 (EMPTY business: free). */
    private long[] keys;
    private Intent[] first;
    private int mask;
    private int pairs;
    private int intents;

    WaitingRoom() { allocate(256); }

    private void allocate(int capacity) {
        keys = new long[2 * capacity];
        first = new Intent[capacity];
        mask = capacity - 1;
        for (int i = 0; i < keys.length; i += 2) keys[i] = EMPTY;
    }

    private int home(long b, long c) {
        long h = (b * 0x9E3779B97F4A7C15L) ^ c;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    private int find(long b, long c) {
        int i = home(b, c);
        while (true) {
            long kb = keys[2 * i];
            if (kb == EMPTY) return ~i;
            if (kb == b && keys[2 * i + 1] == c) return i;
            i = (i + 1) & mask;
        }
    }

    boolean isEmpty() { return intents == 0; }

    /** Messages waiting, over all pairs. */
    int size() { return intents; }

    /** Puts {@code intent} last in the waiting list of pair (b, c); it must be in none. */
    void add(long b, long c, Intent intent) {
        if (IntentAccess.waitingNext(intent) != null) throw new IllegalStateException("a message waits in one list at a time");
        int i = find(b, c);
        if (i >= 0) {
            Intent head = first[i];
            IntentAccess.linkWaiting(intent, IntentAccess.waitingPrevious(head), head);
        } else {
            if (2 * (pairs + 1) > first.length) {
                grow();
                i = find(b, c);
            }
            i = ~i;
            keys[2 * i] = b;
            keys[2 * i + 1] = c;
            first[i] = intent;
            IntentAccess.linkWaiting(intent, intent, intent);
            pairs++;
        }
        intents++;
    }

    /**
     * Moves every intent waiting for pair (b, c) into {@code out} (cleared first), in waiting order, and forgets the
     * pair; they wait in no list afterwards.
     */
    void takeAll(long b, long c, java.util.List<Intent> out) {
        out.clear();
        if (intents == 0) return;
        int i = find(b, c);
        if (i < 0) return;
        Intent x = first[i];
        delete(i);
        while (true) {
            out.add(x);
            Intent next = IntentAccess.waitingNext(x);
            boolean last = next == x;
            IntentAccess.unlinkWaiting(x);
            intents--;
            if (last) return;
            x = next;
        }
    }

    /** Takes {@code intent}, waiting for pair (b, c), out of its list; nothing when it waits in none. */
    void remove(long b, long c, Intent intent) {
        Intent next = IntentAccess.waitingNext(intent);
        if (next == null) return;
        int i = find(b, c);
        if (i < 0) throw new IllegalStateException("a waiting message's pair has no list");
        if (next == intent) delete(i);
        else if (first[i] == intent) first[i] = next;
        IntentAccess.unlinkWaiting(intent);
        intents--;
    }

    /** Empties slot {@code i} and moves later entries of its probe run back so every key stays reachable. */
    private void delete(int i) {
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long b = keys[2 * j];
            if (b == EMPTY) break;
            int home = home(b, keys[2 * j + 1]);
            boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (stays) continue;
            keys[2 * i] = b;
            keys[2 * i + 1] = keys[2 * j + 1];
            first[i] = first[j];
            i = j;
        }
        keys[2 * i] = EMPTY;
        first[i] = null;
        pairs--;
    }

    private void grow() {
        long[] oldKeys = keys;
        Intent[] oldFirst = first;
        allocate(first.length * 2);
        for (int j = 0; j < oldFirst.length; j++) {
            long b = oldKeys[2 * j];
            if (b == EMPTY) continue;
            int i = ~find(b, oldKeys[2 * j + 1]);
            keys[2 * i] = b;
            keys[2 * i + 1] = oldKeys[2 * j + 1];
            first[i] = oldFirst[j];
        }
    }

    void clear() {
        Arrays.fill(first, null);
        for (int i = 0; i < keys.length; i += 2) keys[i] = EMPTY;
        pairs = 0;
        intents = 0;
    }
}
