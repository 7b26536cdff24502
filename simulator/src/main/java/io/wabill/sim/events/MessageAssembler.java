package io.wabill.sim.events;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Turns log rows sorted by timestamp into messages in the executive's order ({@link EventOrder}),
 * merging the status rows of one message id (G10).
 *
 * <p><b>Order at the charge instant (G3).</b> A message's evaluation instant is known only once its delivery is:
 * a later status row may carry a {@code delivered_at} earlier than rows read since. So a message still waiting
 * for its delivery holds back the release of everything at or after its send instant, for at most
 * {@code orderHold}; a delivery that would place a message before messages already released is refused as out of
 * reach ({@link Listener#outOfReach}), never priced against the window state of a later instant.
 *
 * <p><b>Late status rows (G10).</b> A message seen only as {@code sent} or {@code failed} waits {@code horizon} for
 * a delivery row and is then released as undelivered; released ids are remembered ({@link MessageIds}, about
 * 18 bytes each besides their characters) for another {@code horizon}, so late status rows are merged, or refused as out of reach when
 * they report a delivery the message was denied: never taken for a new message or a second charge. A message still
 * waiting at the end of the log is released undelivered and says so ({@link Listener#undelivered}).
 *
 * <p>A log held whole (sorted in memory) uses {@link #WHOLE_LOG} for both bounds: nothing is released before the
 * end of the log can no longer precede it, and every status row is merged whatever its delay.
 */
public final class MessageAssembler {
    /** Both bounds of a log held whole: wait for every status row and hold every release (G10: "a whole log is merged whatever the delay"). */
    public static final long WHOLE_LOG = Long.MAX_VALUE;

    /**
     * How long a streamed message waiting for its delivery holds back later messages (G3). Deliveries come within
     * seconds; one hour covers a read row that carries the delivery instant, and keeps the held traffic small.
     */
    public static final long ORDER_HOLD = 3_600_000L;

    /** The ledger note of a message released without a delivery status (G10). */
    static final String NO_DELIVERY = "no delivery status arrived before the end of the log (G10)";

    /** Receives messages in order, and the rows that could not be used. */
    public interface Listener {
        void message(Message message);

        /** A row that disagrees with its message; it is skipped, with the reason. */
        void rejectedRow(LogRow row, String column, String reason);

        /**
         * A row that came later than a streamed log can wait for (past the status horizon, or a delivery earlier than
         * messages already priced): an input error that a log held whole would not have (G10, G3). Skipped when the
         * listener returns.
         */
        default void outOfReach(LogRow row, String column, String reason) { rejectedRow(row, column, reason); }

        /**
         * The stream has reached the send instant of a message not (yet) known to be delivered, in order with every
         * other message: the moment to judge what the platform does with it at send (G7, G8), since it may only be
         * released, undelivered, a status horizon later.
         */
        default void atSend(Message notYetDelivered) { }

        /** Why the next message, undelivered, was released without a delivery status (G10), just before it comes. */
        default void undelivered(Message message, String why) { }
    }

    private final ToLongFunction<Message> instantOf;
    private final Listener listener;
    private final long horizon;
    private final long orderHold;
    private java.util.function.Function<Message, String> holdKey;
    /** For a log held whole: the ids that get a delivery somewhere in it (they wait for it, whatever the delay). */
    private Set<String> deliveredSomewhere;

    /** The ids of open messages (their {@link Entry}) and of released ones, remembered for a horizon (G10). */
    private final MessageIds ids = new MessageIds();
    /** Messages waiting for a delivery, in send order: released undelivered at their horizon. */
    private final ArrayDeque<Entry> sentOnly = new ArrayDeque<>();
    /**
     * Per hold key (a portfolio, else an account: what shares windows and counters), the messages waiting for a
     * delivery while they hold back that key's later messages (G3), in send order; and the messages they hold.
     * Keys never hold each other, so the parallel lanes (one per portfolio) release exactly what one reader does.
     */
    private final Map<String, Hold> holds = new HashMap<>();
    /** The holds that hold messages back now. */
    private final ArrayList<Hold> holding = new ArrayList<>();
    /** Messages (and probes of send instants) in the executive's order, released once no later row can precede them. */
    private final ReorderQueue<Entry> ready = new ReorderQueue<>();
    private long watermark = Long.MIN_VALUE;
    private long sequence;
    private long rowsMerged;
    private int peakOpen;

    /**
     * @param instantOf the instant the executive evaluates a message at (it depends on the regime, G3)
     * @param horizon   how long, in milliseconds, a message may wait for its status rows; {@link #WHOLE_LOG} for a
     *                  log held whole
     */
    public MessageAssembler(ToLongFunction<Message> instantOf, long horizon, Listener listener) {
        this(instantOf, horizon, horizon == WHOLE_LOG ? WHOLE_LOG : Math.min(horizon, ORDER_HOLD), listener);
    }

    /** @param orderHold how long a message waiting for its delivery holds back later ones (G3) */
    public MessageAssembler(ToLongFunction<Message> instantOf, long horizon, long orderHold, Listener listener) {
        if (horizon <= 0) throw new IllegalArgumentException("status horizon must be > 0 ms, was " + horizon);
        if (orderHold < 0) throw new IllegalArgumentException("order hold must be >= 0 ms, was " + orderHold);
        this.instantOf = instantOf;
        this.horizon = horizon;
        this.orderHold = orderHold;
        this.listener = listener;
    }

    /**
     * The log is held whole and these ids have a delivery row somewhere in it (G10: a whole log is merged whatever
     * the delay). Such a message waits for its delivery and holds back later messages (G3) however long it takes;
     * one never delivered waits and holds as in a stream, so the log is released exactly as if it had streamed,
     * and its ids are never forgotten. Call before the first row.
     */
    public void holdWhole(Set<String> deliveredIds) { this.deliveredSomewhere = deliveredIds; }

    /**
     * Priced as logged: a message waiting for its delivery holds back only the messages of its own portfolio
     * ({@code portfolioOf}), which is all its price can change (windows per pair, counters per portfolio,
     * account or number), so the parallel lanes release exactly what one reader does, and a log held whole the
     * same as when it streams. Messages of different keys may then reach the executive out of instant order (up
     * to {@link #ORDER_HOLD} when streamed; the engine keeps every pair of a log held whole). Call before the
     * first row.
     */
    public void holdPerKey(java.util.function.Function<Message, String> portfolioOf) { this.holdKey = portfolioOf; }

    /** The message ids with a row that reports a delivery, in a log held whole (for {@link #holdWhole}). */
    public static Set<String> deliveredIds(Iterable<LogRow> rows) {
        Set<String> ids = new java.util.HashSet<>();
        for (LogRow r : rows)
            if (r.direction() == Direction.OUTBOUND && r.messageId() != null && r.effectiveStatus().isDelivered())
                ids.add(r.messageId());
        return ids;
    }

    /**
     * Adds the next row; its timestamp must not be earlier than the previous row's. The row's fields are read during
     * the call, never kept: a reader may fill one {@link RowBuffer} for every row.
     */
    public void accept(LogRowFields row) { accept(row, sequence++); }

    /**
     * Adds the next row with its insertion order given by the caller: a lane of a parallel run sees only its own
     * portfolios' rows but must order them as one reader of the whole log would.
     */
    public void accept(LogRowFields row, long seq) {
        if (row.timestamp() < watermark)
            throw new IllegalStateException("rows must arrive sorted by timestamp: " + row.location() + " goes back in time");
        watermark = row.timestamp();
        String id = row.messageId();
        if (row.direction() == Direction.INBOUND || id == null || id.isEmpty()) {
            queue(new Entry(row, seq));
        } else {
            acceptOutbound(row, id, seq);
        }
        release(watermark);
    }

    private void acceptOutbound(LogRowFields row, String id, long seq) {
        long found = ids.find(id); // one probe: open, remembered or new
        if (MessageIds.isOpen(found)) {
            Entry entry = (Entry) ids.value(MessageIds.slotOf(found));
            String conflict = StatusMerger.conflict(entry.first, row);
            if (conflict != null) {
                listener.rejectedRow(row.toLogRow(), "message_id", conflict);
                return;
            }
            if (deliveredBeforeSend(row, entry.sendAt())) return;
            if (!entry.queued && !entry.waitsForDelivery && after(entry.sendAt(), horizon) < row.timestamp()) {
                // Past its horizon a sent-only message is undelivered, whether or not another row came first to release it.
                lateRow(row, id, true);
                return;
            }
            boolean mayMove = entry.queued ? row.deliveredAt() != LogRow.NONE : row.effectiveStatus().isDelivered();
            if (mayMove) {
                StatusMerger trial = entry.merger().copy();
                trial.merge(row);
                if (trial.isDelivered()) {
                    long instant = instantOf.applyAsLong(trial.build());
                    if (instant < holdOf(entry).releasedUpTo) {
                        outOfOrder(row, id, instant, holdOf(entry).releasedUpTo);
                        return;
                    }
                }
            }
            entry.merger().merge(row);
            rowsMerged++;
            if (!entry.queued) {
                if (entry.isDelivered()) queue(entry);
            } else if (row.deliveredAt() != LogRow.NONE) {
                requeueIfMoved(entry); // rows are sorted, so only a delivered_at can move a queued message
            }
            return;
        }
        if (found >= 0) {
            if (!ids.sameIdentity(found, StatusMerger.identity(row))) {
                listener.rejectedRow(row.toLogRow(), "message_id", "status row of message " + id + " disagrees with the message's "
                        + "first row on account, business, customer, kind, category or template (G10: status rows must agree)");
            } else {
                lateRow(row, id, ids.undelivered(found));
            }
            return;
        }
        if (deliveredBeforeSend(row, row.timestamp())) return;
        Entry entry = new Entry(row, seq);
        boolean delivered = entry.isDelivered();
        long instant = 0;
        if (delivered) {
            instant = instantOf.applyAsLong(entry.build());
            long releasedUpTo = holdOf(entry).releasedUpTo;
            if (instant < releasedUpTo) { // a one-row message whose delivered_at precedes messages already released
                outOfOrder(row, id, instant, releasedUpTo);
                return;
            }
        }
        entry.slot = ids.open(id, entry);
        if (ids.openCount() > peakOpen) peakOpen = ids.openCount();
        if (delivered) {
            queue(entry, instant); // the message built above, so the same instant
        } else {
            entry.waitsForDelivery = horizon == WHOLE_LOG || (deliveredSomewhere != null && deliveredSomewhere.contains(id));
            if (!entry.waitsForDelivery) sentOnly.add(entry);
            holdOf(entry).waiting.add(entry);
            // the probe of its send instant (Listener.atSend), in order with every other message
            ready.add(entry.sendAt(), seq, ReorderQueue.flags(false, true), entry);
        }
    }

    /** Refuses a row whose delivered_at precedes its message's send instant, the earliest timestamp of its rows. */
    private boolean deliveredBeforeSend(LogRowFields row, long sendAt) {
        if (row.deliveredAt() == LogRow.NONE || row.deliveredAt() >= sendAt) return false;
        listener.rejectedRow(row.toLogRow(), "delivered_at", "delivered_at " + Instant.ofEpochMilli(row.deliveredAt())
                + " is before the message was sent (" + Instant.ofEpochMilli(sendAt) + ")");
        return true;
    }

    /** A status row of a message already decided: merged, unless it reports a delivery the message was denied. */
    private void lateRow(LogRowFields row, String id, boolean undelivered) {
        if (undelivered && row.effectiveStatus().isDelivered()) {
            listener.outOfReach(row.toLogRow(), "status", "status row of message " + id + " reports a delivery after the status "
                    + "horizon (" + describe(horizon) + " after the message was sent), when the message had been reported "
                    + "undelivered (G10); raise statusHorizon to merge it");
        } else {
            rowsMerged++;
        }
    }

    /** A delivery that would place its message before messages already released (G3). */
    private void outOfOrder(LogRowFields row, String id, long instant, long releasedUpTo) {
        listener.outOfReach(row.toLogRow(), row.deliveredAt() != LogRow.NONE ? "delivered_at" : "status", "message " + id
                + " is delivered at " + Instant.ofEpochMilli(instant) + ", but this row came after messages of later "
                + "instants (up to " + Instant.ofEpochMilli(releasedUpTo) + ") were priced: a streamed log holds "
                + "messages back only " + describe(orderHold) + " for a delivery (G3)");
    }

    static String describe(long millis) {
        if (millis == WHOLE_LOG) return "the whole log";
        if (millis % 86_400_000L == 0) return (millis / 86_400_000L) + " d";
        if (millis % 3_600_000L == 0) return (millis / 3_600_000L) + " h";
        return Duration.ofMillis(millis).toString();
    }

    private static long after(long instant, long span) {
        return span >= Long.MAX_VALUE - instant ? Long.MAX_VALUE : instant + span;
    }

    /** A status row that moves a waiting message's delivery instant (a later delivered_at) moves it in the queue (G3). */
    private void requeueIfMoved(Entry entry) {
        long instant = instantOf.applyAsLong(entry.build());
        if (instant != entry.instant && (ready.removeMessage(entry) || holdOf(entry).held.removeMessage(entry))) {
            // (a hold left empty by the removal is dropped from the list at the next release)
            entry.instant = instant;
            ready.add(instant, entry.sequence, ReorderQueue.flags(entry.inbound, false), entry);
        }
    }

    private void queue(Entry entry) { queue(entry, instantOf.applyAsLong(entry.build())); }

    /** Queues the message at {@code instant}, its evaluation instant as it stands. */
    private void queue(Entry entry, long instant) {
        entry.queued = true;
        entry.instant = instant;
        entry.inbound = entry.first.isInbound();
        ready.add(instant, entry.sequence, ReorderQueue.flags(entry.inbound, false), entry);
    }

    /** Releases every message that no later row can precede. */
    private void release(long now) {
        while (!sentOnly.isEmpty()) {
            Entry head = sentOnly.peek();
            if (head.queued) {
                sentOnly.poll();
            } else if (after(head.sendAt(), horizon) < now) {
                sentOnly.poll();
                // The same words as at the end of the log: a later delivery row is an input error, so none arrives.
                head.why = NO_DELIVERY;
                queue(head);
            } else {
                break;
            }
        }
        if (!holding.isEmpty()) {
            int kept = 0;
            for (Hold h : holding) {
                long bound = h.bound(now);
                while (!h.held.isEmpty() && h.held.peekInstant() < bound) h.held.moveTopTo(ready);
                if (h.held.isEmpty()) h.listed = false;
                else holding.set(kept++, h);
            }
            holding.subList(kept, holding.size()).clear();
        }
        while (!ready.isEmpty() && ready.peekInstant() < now) {
            Entry e = ready.peek();
            Hold h = holdOf(e);
            // G3: a message of the same key still waiting for its delivery may be delivered at its send instant or
            // later, before this one
            if (ready.peekInstant() >= h.bound(now)) {
                // With one hold, every message after this one is held back too (the bound does not move while
                // releasing): they stay in the queue, in the order they would come back from the hold in.
                if (holds.size() == 1) break;
                ready.moveTopTo(h.held);
                if (!h.listed) {
                    h.listed = true;
                    holding.add(h);
                }
            } else {
                emitTop();
            }
        }
        ids.forgetBefore(now);
    }

    /** Takes the first message (or probe) of {@link #ready} and hands it to the listener. */
    private void emitTop() {
        Entry entry = ready.peek();
        boolean probe = ready.peekIsProbe();
        ready.removeTop();
        if (probe) {
            if (!entry.isDelivered()) listener.atSend(entry.build());
            return;
        }
        Message m = entry.build();
        if (m.isInbound() || m.isDelivered()) {
            Hold h = holdOf(entry);
            h.releasedUpTo = Math.max(h.releasedUpTo, entry.instant);
        }
        if (!m.isInbound() && m.messageId() != null && !m.messageId().isEmpty()) {
            // Remembered for a horizon after release (not after its instant: a sent-only message is released only
            // once its horizon has passed), so late status rows are merged or reported, never taken for new messages.
            ids.release(entry.slot, deliveredSomewhere != null ? Long.MAX_VALUE : after(watermark, horizon), !m.isDelivered(),
                    StatusMerger.identity(entry.first));
        }
        if (entry.why != null && m.status() != DeliveryStatus.FAILED) listener.undelivered(m, entry.why);
        listener.message(m);
    }

    /**
     * The stream has reached {@code timestamp} with a row this assembler does not price (another lane's): messages
     * are released exactly when one reader of the whole log would release them.
     */
    public void advance(long timestamp) {
        if (timestamp < watermark) throw new IllegalStateException("the clock cannot go back");
        watermark = timestamp;
        release(watermark);
    }

    /** Releases everything still held, at the end of the log; a message still waiting for its delivery says so. */
    public void finish() {
        ids.forEachOpen(value -> {
            Entry e = (Entry) value;
            if (!e.queued) {
                e.why = NO_DELIVERY;
                queue(e);
            }
        });
        sentOnly.clear();
        for (Hold h : holds.values()) {
            h.held.moveAllTo(ready);
            h.waiting.clear();
            h.listed = false;
        }
        holding.clear();
        while (!ready.isEmpty()) emitTop(); // every open message is released, so no id stays open
    }

    /** Status rows merged into an earlier row of the same message. */
    public long rowsMerged() { return rowsMerged; }

    /** The most message ids held open at once. */
    public int peakOpen() { return peakOpen; }

    /** The most ids remembered at once after their message was released. */
    public int peakRemembered() { return ids.peak(); }

    /** The hold of an entry's message, looked up once per entry (its first row never changes). */
    private Hold holdOf(Entry e) {
        Hold h = e.hold;
        if (h == null) e.hold = h = hold(e.first);
        return h;
    }

    private String lastKey;
    private Hold lastHold;

    private Hold hold(Message first) {
        // One hold for the whole log unless holds per key were asked for (priced as logged): a strategy's executive
        // sees one order.
        String key = holdKey == null ? "" : holdKey.apply(first);
        if (key == lastKey && lastHold != null) return lastHold; // the same (interned) key as the row before: no lookup
        Hold h = holds.get(key);
        if (h == null) {
            h = new Hold();
            holds.put(key, h);
        }
        lastKey = key;
        lastHold = h;
        return h;
    }

    /** What one hold key (portfolio, else account) waits for and holds back (G3). */
    private final class Hold {
        final ArrayDeque<Entry> waiting = new ArrayDeque<>();
        final ReorderQueue<Entry> held = new ReorderQueue<>(16);
        /** The instant of the key's last delivered or inbound message released, which no delivery may precede. */
        long releasedUpTo = Long.MIN_VALUE;
        /** In {@link #holding}. */
        boolean listed;

        /** Messages of this key before this instant may be released now. */
        long bound(long now) {
            while (!waiting.isEmpty()) {
                Entry head = waiting.peek();
                if (head.queued || (!head.waitsForDelivery && after(head.sendAt(), orderHold) < now)) waiting.poll();
                else return Math.min(now, head.sendAt());
            }
            return now;
        }
    }

    /**
     * One message on its way: the message its first row makes, and its status rows merged (G10) once a second row
     * comes. Most messages are final at their first row (a customer's message, a send already delivered) and never
     * need a merger; the row itself is not kept (it may be a reader's reused buffer).
     */
    private static final class Entry {
        /** The message as its first row alone makes it ({@link StatusMerger#oneRow}); carries the insertion order. */
        final Message first;
        /** The first row's {@code delivered_at} cell, which counts once a later row reports the delivery (G10). */
        private final long firstDeliveredAt;
        /** Insertion order of the first row: the last key of the executive's order. */
        final long sequence;
        /** Null until the message has a second row (or one is tried on it). */
        private StatusMerger merger;
        /** Its slot among the open ids ({@link MessageIds#open}), or -1: an inbound message or one without an id. */
        int slot = -1;
        /** The hold of the message's key, once looked up ({@link #holdOf}). */
        Hold hold;
        boolean queued;
        long instant;
        boolean inbound;
        /** It waits for its delivery (and holds back later messages, G3) however long it takes: a log held whole. */
        boolean waitsForDelivery;
        /** Why a message released undelivered had no delivery status (G10), or null. */
        String why;

        Entry(LogRowFields first, long sequence) {
            this.first = StatusMerger.oneRow(first, sequence);
            this.firstDeliveredAt = first.deliveredAt();
            this.sequence = sequence;
        }

        /** The merger of the message's rows, made from the first row's message when it is first needed. */
        StatusMerger merger() {
            if (merger == null) merger = new StatusMerger(first, firstDeliveredAt);
            return merger;
        }

        boolean isDelivered() { return merger != null ? merger.isDelivered() : first.isDelivered(); }

        long sendAt() { return merger != null ? merger.sendAt() : first.sendAt(); }

        Message build() { return merger != null ? merger.build() : first; }
    }
}
