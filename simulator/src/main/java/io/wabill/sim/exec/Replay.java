package io.wabill.sim.exec;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.engine.Engine;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import io.wabill.sim.strategy.Decision;
import io.wabill.sim.strategy.Intent;
import io.wabill.sim.strategy.IntentAccess;
import io.wabill.sim.strategy.StrategyChain;
import io.wabill.sim.strategy.StrategyContext;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The discrete-event executive of one scenario: the log's messages and the events strategies schedule
 * (deferred sends and their deadlines) fire in one order, and each business message passes through the
 * strategy chain before the engine prices it.
 *
 * <p><b>Ordering contract.</b> Events fire by instant (epoch ms), then priority (a customer's message 0, a
 * logged business message 1, a strategy's scheduled event 2), then insertion order. So at one instant the
 * customer's message opens its window before any business message is decided, and a message released by that
 * customer message follows every logged message of the same instant. Messages must be submitted in this
 * order (the {@link io.wabill.sim.events.MessageAssembler} delivers them so); scheduled events are never
 * earlier than the event that scheduled them.
 *
 * <p>One replay per thread: it owns its queue, its engine and its deferred messages.
 */
public final class Replay implements StrategyContext {
    public static final int CUSTOMER = 0, BUSINESS = 1, SCHEDULED = 2;

    private final Engine engine;
    private final StrategyChain chain;
    private final boolean asLogged;
    private final EventQueue queue = new EventQueue();
    private final Decision decision = new Decision();
    private final WaitingRoom waitingForCustomer = new WaitingRoom();
    /** Scratch for the engine's key of a pair, and for the messages a customer's message releases. */
    private final long[] pair = new long[2];
    private final List<Intent> released = new ArrayList<>();
    private final ReplayStats stats = new ReplayStats();
    private final StrategyNotes notes = new StrategyNotes();
    private long lastLogInstant = Long.MIN_VALUE;
    private long late;

    public Replay(Engine engine, StrategyChain chain) {
        this.engine = engine;
        this.chain = chain;
        this.asLogged = chain.isAsLogged();
    }

    /** Adds the log's next message at its evaluation instant and fires every event that can no longer be preceded. */
    public void submit(Message m, long instant) {
        int priority = m.isInbound() ? CUSTOMER : BUSINESS;
        if (instant < lastLogInstant) {
            // A business message can reach the executive after later events: an undelivered one is only known to
            // be undelivered once its status horizon has passed, and a delivery row may carry a delivered_at
            // earlier than rows already read. It is decided now, and priced at its own instant by the engine.
            // As logged, a customer's message may come late too: a streamed log holds messages back per portfolio (the
            // assembler's holdPerKey), and nothing of another portfolio depends on it.
            if (m.isInbound() && !asLogged)
                throw new IllegalStateException("customer messages must be submitted in order; " + m.location() + " goes back in time");
            late++;
            fire(m, lastLogInstant);
            return;
        }
        lastLogInstant = instant;
        // What is queued before the message fires first: earlier instants, and at its instant the lower or equal
        // priorities (pushed before it, so first at a tie). Then the message itself, without a trip through the queue:
        // it would come out next, and anything fired meanwhile schedules at priority SCHEDULED, after it.
        try {
            while (!queue.isEmpty() && (queue.peekTime() < instant
                    || (queue.peekTime() == instant && queue.peekPriority() <= priority))) {
                fireNext();
            }
        } catch (RuntimeException e) {
            // An earlier event could not be priced (the caller hears of it): the message waits in the queue, where it
            // would have been, and fires with the next one (nothing of its instant and priority was pushed since).
            queue.push(instant, priority, m);
            throw e;
        }
        fire(m, instant);
    }

    /**
     * A logged message not yet known to be delivered reaches its send instant (see MessageAssembler.Listener#atSend):
     * as logged, the engine judges it now. A strategy may change or move the message, so then the verdict waits for
     * the message itself.
     */
    public void atSend(Message m) {
        if (asLogged) engine.judgeAtSend(m);
    }

    /**
     * Fires what is left up to the last logged instant. A message still held after that (its deadline, or the
     * morning it waits for, lies beyond the log) is priced as if sent, as it stands, at the log's last instant: never
     * a saving. It is counted as pending, its amount kept apart, and its ledger note says so.
     */
    public void finish() {
        while (!queue.isEmpty() && queue.peekTime() <= lastLogInstant) fireNext();
        while (!queue.isEmpty()) {
            if (queue.pop() instanceof Intent intent && current(intent, queue.poppedTag())) {
                IntentAccess.settle(intent);
                heldAtEnd.add(intent);
            }
        }
        waitingForCustomer.clear();
        // Taken off before pricing: a message the engine cannot price is reported by the caller, which calls finish
        // again for the rest.
        while (!heldAtEnd.isEmpty()) sendPending(heldAtEnd.pollFirst());
    }

    /** Messages still held when the log ended, in the order their wake-ups would have fired. */
    private final java.util.ArrayDeque<Intent> heldAtEnd = new java.util.ArrayDeque<>();

    private void sendPending(Intent intent) {
        Message logged = intent.logged();
        long t = Math.max(lastLogInstant, IntentAccess.firstSeenAt(intent));
        boolean changed = intent.kind() != logged.kind() || intent.category() != logged.category();
        String note = StrategyNotes.pending(logged.kind(), logged.category(), changed ? intent.kind() : null,
                intent.category(), t - IntentAccess.firstSeenAt(intent));
        process(reshape(logged, intent.kind(), intent.category(), t), note, null);
        stats.pending++;
        stats.pendingUnits.merge(engine.lastCurrency(), engine.lastAmountUnits(), io.wabill.sim.money.Money::add);
    }

    public ReplayStats stats() { return stats; }

    /** Business messages that reached the executive after a later event (late delivery rows, undelivered ones). */
    public long lateMessages() { return late; }

    public Engine engine() { return engine; }

    /** How many events wait in the queue. */
    public int pendingEvents() { return queue.size(); }

    @Override public ZoneId zoneOf(String account) { return engine.zoneOf(account); }

    /** Fires the queue's first event: a deferred message's wake-up, or a log message left there by an unpriced event. */
    private void fireNext() {
        long t = queue.peekTime();
        Object event = queue.pop();
        if (event instanceof Intent intent) wake(intent, queue.poppedTag(), t);
        else fire((Message) event, t);
    }

    /** A message of the log, at its instant (a late one: at the latest instant so far). */
    private void fire(Message m, long t) {
        if (m.isInbound()) {
            engine.process(m);
            if (!waitingForCustomer.isEmpty()) releaseWaiting(m, t);
        } else {
            business(m, t);
        }
    }

    /**
     * A scheduled wake-up of a deferred message: the queue holds the intent with the generation of the deferral that
     * scheduled it (its tag), so a wake-up is stale once the message was released another way. No object per wake-up.
     */
    private void wake(Intent intent, long generation, long t) {
        if (!current(intent, generation)) return;
        long key = IntentAccess.customerKey(intent);
        if (key != IntentAccess.NO_KEY) engine.knownCustomer(intent.logged().customer(), key);
        if (IntentAccess.deferredBy(intent) == IntentAccess.HELD) {
            IntentAccess.released(intent);
            send(intent, t);
        } else {
            release(intent, false, t);
        }
    }

    private static boolean current(Intent intent, long generation) {
        return IntentAccess.generation(intent) == generation && !IntentAccess.isSettled(intent);
    }

    private void business(Message m, long t) {
        stats.intended++;
        // A message no strategy of the chain looks at goes out as the log has it, as the chain would send it.
        if (asLogged || chain.leavesAlone(m)) {
            process(m, null, null);
            stats.sentAsLogged++;
            return;
        }
        Intent intent = new Intent(m);
        IntentAccess.firstSeen(intent, t);
        // Judged now, at the instant the log has it: a later refusal of the message as sent is then the strategy's doing.
        IntentAccess.refusedAsLogged(intent, engine.refusedAsIs(m));
        decide(intent, 0, t);
    }

    /** Runs the chain from strategy {@code from} on. */
    private void decide(Intent intent, int from, long t) {
        Message m = intent.logged();
        for (int i = from; i < chain.size(); i++) {
            chain.get(i).decide(intent, engine.window(m), this, t, decision);
            if (!apply(intent, i, t)) return;
        }
        send(intent, t);
    }

    /** Applies the decision of strategy {@code i}; true when the message goes on to the next strategy. */
    private boolean apply(Intent intent, int i, long t) {
        switch (decision.action()) {
            case SEND:
                return true;
            case SEND_AS:
                IntentAccess.change(intent, decision.kind(), decision.category());
                return true;
            case DEFER:
                if (decision.deadline() <= t && !decision.untilCustomerMessage()) return true;
                if (!IntentAccess.wasDeferred(intent)) stats.deferred++;
                long generation = IntentAccess.defer(intent, i, decision.deadline(), decision.untilCustomerMessage());
                remember(intent);
                queue.push(Math.max(t, decision.deadline()), SCHEDULED, intent, generation);
                if (decision.untilCustomerMessage()) {
                    engine.pairKey(intent.logged(), pair);
                    waitingForCustomer.add(pair[0], pair[1], intent);
                }
                return false;
            default:
                IntentAccess.settle(intent);
                stats.dropped++;
                stats.dropReasons.merge(decision.reason(), 1L, Long::sum);
                return false;
        }
    }

    /** A customer's message releases the messages waiting for it, right after it (priority SCHEDULED). */
    private void releaseWaiting(Message inbound, long t) {
        engine.pairKey(inbound, pair);
        waitingForCustomer.takeAll(pair[0], pair[1], released);
        for (int i = 0; i < released.size(); i++) {
            Intent intent = released.get(i);
            if (IntentAccess.isWaitingForCustomer(intent))
                queue.push(t, SCHEDULED, intent, IntentAccess.wakeByCustomer(intent));
        }
        released.clear();
    }

    private void release(Intent intent, boolean unused, long t) {
        // Released by its deadline while still waiting for the customer: it leaves the pair's waiting list now, or
        // every pair whose customer never writes again would keep its messages until the end of the log.
        if (IntentAccess.isWaitingForCustomer(intent)) forgetWaiting(intent);
        boolean customerWrote = IntentAccess.releasedByCustomer(intent);
        int by = IntentAccess.deferredBy(intent);
        IntentAccess.released(intent);
        Message m = intent.logged();
        chain.get(by).release(intent, customerWrote, engine.window(m), this, t, decision);
        if (apply(intent, by, t)) decide(intent, by + 1, t);
    }

    /**
     * The earliest instant every strategy of the chain lets the message out (quiet hours hold for every send, also
     * one a later strategy releases); asked again until they agree, since one promise may move it into another's span.
     */
    private long allowedAt(Intent intent, long t) {
        long at = t;
        for (int round = 0; round <= chain.size(); round++) {
            long before = at;
            for (int i = 0; i < chain.size(); i++) at = Math.max(at, chain.get(i).notBefore(intent, this, at));
            if (at == before) return at;
        }
        throw new IllegalStateException("the chain's timing promises do not agree on an instant for " + intent.logged().location());
    }

    private void forgetWaiting(Intent intent) {
        engine.pairKey(intent.logged(), pair);
        waitingForCustomer.remove(pair[0], pair[1], intent);
    }

    /** Deferred messages waiting for a customer's message, over all pairs (bounded by the deferral horizon). */
    public int waitingForCustomer() { return waitingForCustomer.size(); }

    private void send(Intent intent, long t) {
        long allowed = asLogged ? t : allowedAt(intent, t);
        if (allowed > t) {
            if (!IntentAccess.wasDeferred(intent)) stats.deferred++;
            queue.push(allowed, SCHEDULED, intent, IntentAccess.hold(intent));
            remember(intent);
            return;
        }
        IntentAccess.settle(intent);
        Message logged = intent.logged();
        long firstSeen = IntentAccess.firstSeenAt(intent);
        boolean retimed = t != firstSeen;
        boolean changed = intent.kind() != logged.kind() || intent.category() != logged.category();
        if (!retimed && !changed) {
            process(logged, null, null);
            stats.sentAsLogged++;
            return;
        }
        Message out = reshape(logged, intent.kind(), intent.category(), retimed ? t : Long.MIN_VALUE);
        String note = notes.note(logged.kind(), logged.category(), changed ? intent.kind() : null, intent.category(),
                retimed, t - firstSeen);
        boolean loggedRefused = IntentAccess.refusedAsLogged(intent);
        process(out, note, loggedRefused ? null : "dropped: refused only because of the strategy");
        if (engine.lastType() == PricingType.REJECTED && !loggedRefused) {
            // G7/G8 because of what the strategy did: a message lost to the customer, not a saving.
            stats.refused++;
            String rule = engine.lastRefusal();
            stats.refusals.merge(rule, 1L, Long::sum);
            return;
        }
        if (retimed) stats.delay(t - firstSeen);
        stats.sentChanged++;
    }

    /** Keeps the customer's key with a held message: it comes back hours later, when its strings are cold. */
    private void remember(Intent intent) {
        if (IntentAccess.customerKey(intent) == IntentAccess.NO_KEY)
            IntentAccess.customerKey(intent, engine.customerNumberKey(intent.logged().customer()));
    }

    /** Prices a sent message; one that cannot be priced is counted as such before the caller hears of it. */
    private void process(Message m, String note, String refusedNote) {
        try {
            engine.process(m, note, refusedNote);
        } catch (io.wabill.sim.engine.PricingException e) {
            stats.unpriced++;
            throw e;
        }
    }

    /** The message as sent: another kind or category, and when retimed, sent and delivered at {@code at}. */
    static Message reshape(Message m, MessageKind kind, TemplateCategory category, long at) {
        long send = at == Long.MIN_VALUE ? m.sendAt() : at;
        long delivered = !m.isDelivered() ? LogRow.NONE : at == Long.MIN_VALUE ? m.deliveredAt() : at;
        return new Message(m.messageId(), m.account(), m.portfolio(), m.business(), m.customer(), m.direction(), kind,
                kind == MessageKind.TEMPLATE ? category : null, m.entryPoint(), m.status(), send, delivered,
                m.template(), m.tokens(), m.file(), m.line(), m.rows(), m.sequence(),
                at == Long.MIN_VALUE ? m.fepExpiresAt() : LogRow.NONE);
    }
}
