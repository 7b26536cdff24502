package io.wabill.sim.strategy;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;

/**
 * The executive's handle on an {@link Intent}'s bookkeeping, which strategies can read but not change.
 * Each deferral gets a new generation, so a wake-up scheduled for an earlier deferral is recognised as stale.
 */
public final class IntentAccess {
    private IntentAccess() {}

    public static void firstSeen(Intent i, long t) { i.firstSeenAt = t; }

    public static long firstSeenAt(Intent i) { return i.firstSeenAt; }

    /** Whether the platform refuses the message as logged, at its logged instant (G7, G8): then a refusal is the log's own. */
    public static void refusedAsLogged(Intent i, boolean refused) { i.refusedAsLogged = refused; }

    public static boolean refusedAsLogged(Intent i) { return i.refusedAsLogged; }

    /** Holds the intent (already decided by the whole chain) until a strategy's timing promise allows it out. */
    public static long hold(Intent i) {
        i.deferredBy = HELD;
        i.waitingForCustomer = false;
        i.releasedByCustomer = false;
        i.wasDeferred = true;
        return ++i.generation;
    }

    /** {@link #deferredBy} of an intent held for a timing promise rather than deferred by one strategy. */
    public static final int HELD = -2;

    public static void change(Intent i, MessageKind kind, TemplateCategory category) {
        i.kind = kind;
        i.category = kind == MessageKind.TEMPLATE ? category : null;
    }

    /** Marks the intent deferred by strategy {@code by}; returns the deferral's generation. */
    public static long defer(Intent i, int by, long deadline, boolean untilCustomer) {
        i.deferredBy = by;
        i.deadline = deadline;
        i.waitingForCustomer = untilCustomer;
        i.wasDeferred = true;
        i.releasedByCustomer = false;
        return ++i.generation;
    }

    public static boolean wasDeferred(Intent i) { return i.wasDeferred; }

    public static boolean isWaitingForCustomer(Intent i) { return i.waitingForCustomer && !i.settled; }

    /** The customer wrote: the next wake-up releases the intent as a customer release. */
    public static long wakeByCustomer(Intent i) {
        i.waitingForCustomer = false;
        i.releasedByCustomer = true;
        return ++i.generation;
    }

    public static boolean releasedByCustomer(Intent i) { return i.releasedByCustomer; }

    public static void released(Intent i) {
        i.waitingForCustomer = false;
        i.generation++;
    }

    public static int deferredBy(Intent i) { return i.deferredBy; }

    /** {@link #customerKey} of an intent that has none. */
    public static final long NO_KEY = Long.MIN_VALUE;

    /** Keeps the engine's key of the message's customer with the intent, for when it is released. */
    public static void customerKey(Intent i, long key) { i.customerKey = key; }

    public static long customerKey(Intent i) { return i.customerKey; }

    /** The intent after {@code i} in the circle of intents waiting for the same customer; {@code i} when alone; null when in none. */
    public static Intent waitingNext(Intent i) { return i.waitingNext; }

    public static Intent waitingPrevious(Intent i) { return i.waitingPrevious; }

    /** Links {@code i} into a circle between {@code previous} and {@code next} (itself twice: a circle of one). */
    public static void linkWaiting(Intent i, Intent previous, Intent next) {
        i.waitingPrevious = previous;
        i.waitingNext = next;
        previous.waitingNext = i;
        next.waitingPrevious = i;
    }

    /** Takes {@code i} out of its circle, which closes around it. */
    public static void unlinkWaiting(Intent i) {
        i.waitingPrevious.waitingNext = i.waitingNext;
        i.waitingNext.waitingPrevious = i.waitingPrevious;
        i.waitingNext = null;
        i.waitingPrevious = null;
    }

    public static long generation(Intent i) { return i.generation; }

    public static void settle(Intent i) { i.settled = true; }

    public static boolean isSettled(Intent i) { return i.settled; }
}
