package io.wabill.sim.events;

import io.wabill.sim.domain.Direction;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

/**
 * Turns log rows sorted by timestamp into messages in the executive's order ({@link EventOrder}),
 * merging the status rows of one message id (G10).
 *
 * <p>Memory follows the traffic of a time horizon, not the length of the log: a message waits in the
 * reorder buffer only until the stream passes its evaluation instant; a message seen only as {@code sent}
 * or {@code failed} waits at most {@code horizon} for a delivery row and is then released as undelivered;
 * the ids of released messages are remembered for another {@code horizon}, so late status rows are merged
 * rather than mistaken for new messages. A delivery row that arrives after its message was released as
 * undelivered is reported, never silently priced.
 */
public final class MessageAssembler {
    /** Receives messages in order, and the rows that could not be used. */
    public interface Listener {
        void message(Message message);

        /** A row that disagrees with its message or came too late; it is skipped, with the reason. */
        void rejectedRow(LogRow row, String column, String reason);

        /**
         * The stream has reached the send instant of a message not (yet) known to be delivered, in order with every
         * other message: the moment to judge what the platform does with it at send (G7, G8), since it may only be
         * released, undelivered, a status horizon later.
         */
        default void atSend(Message notYetDelivered) { }
    }

    private final ToLongFunction<Message> instantOf;
    private final Listener listener;
    private final long horizon;

    private final Map<String, Entry> open = new HashMap<>();
    private final ArrayDeque<Entry> sentOnly = new ArrayDeque<>();
    private final PriorityQueue<Entry> ready = new PriorityQueue<>();
    private final LinkedHashMap<String, Released> released = new LinkedHashMap<>();
    private long watermark = Long.MIN_VALUE;
    private long sequence;
    private long rowsMerged;
    private int peakOpen;

    /**
     * @param instantOf the instant the executive evaluates a message at (it depends on the regime, G3)
     * @param horizon   how long, in milliseconds, a message may wait for its status rows
     */
    public MessageAssembler(ToLongFunction<Message> instantOf, long horizon, Listener listener) {
        if (horizon <= 0) throw new IllegalArgumentException("status horizon must be > 0 ms, was " + horizon);
        this.instantOf = instantOf;
        this.horizon = horizon;
        this.listener = listener;
    }

    /** Adds the next row; its timestamp must not be earlier than the previous row's. */
    public void accept(LogRow row) { accept(row, sequence++); }

    /**
     * Adds the next row with its insertion order given by the caller: a lane of a parallel run sees only its own
     * portfolios' rows but must order them as one reader of the whole log would.
     */
    public void accept(LogRow row, long seq) {
        if (row.timestamp() < watermark)
            throw new IllegalStateException("rows must arrive sorted by timestamp: " + row.location() + " goes back in time");
        watermark = row.timestamp();
        String id = row.messageId();
        if (row.direction() == Direction.INBOUND || id == null || id.isEmpty()) {
            queue(new Entry(new StatusMerger(row, seq)));
        } else {
            acceptOutbound(row, id, seq);
        }
        release(watermark);
    }

    private void acceptOutbound(LogRow row, String id, long seq) {
        Entry entry = open.get(id);
        if (entry != null) {
            String conflict = entry.merger.conflict(row);
            if (conflict != null) {
                listener.rejectedRow(row, "message_id", conflict);
                return;
            }
            if (deliveredBeforeSend(row, entry.merger.sendAt())) return;
            if (!entry.queued && entry.merger.sendAt() + horizon < row.timestamp()) {
                // Past its horizon a sent-only message is undelivered, whether or not another row came first to release it.
                lateRow(row, id, true);
                return;
            }
            entry.merger.merge(row);
            rowsMerged++;
            if (!entry.queued) {
                if (entry.merger.isDelivered()) queue(entry);
            } else if (row.deliveredAt() != LogRow.NONE) {
                requeueIfMoved(entry); // rows are sorted, so only a delivered_at can move a queued message
            }
            return;
        }
        Released done = released.get(id);
        if (done != null) {
            if (done.identity != StatusMerger.identity(row)) {
                listener.rejectedRow(row, "message_id", "status row of message " + id + " disagrees with the message's "
                        + "first row on account, business, customer, kind, category or template (G10: status rows must agree)");
            } else {
                lateRow(row, id, done.undelivered);
            }
            return;
        }
        if (deliveredBeforeSend(row, row.timestamp())) return;
        entry = new Entry(new StatusMerger(row, seq));
        open.put(id, entry);
        if (open.size() > peakOpen) peakOpen = open.size();
        if (entry.merger.isDelivered()) {
            queue(entry);
        } else {
            sentOnly.add(entry);
            Entry probe = new Entry(entry.merger);
            probe.probe = true;
            probe.instant = entry.merger.sendAt();
            probe.sequence = seq;
            ready.add(probe);
        }
    }

    /** Refuses a row whose delivered_at precedes its message's send instant, the earliest timestamp of its rows. */
    private boolean deliveredBeforeSend(LogRow row, long sendAt) {
        if (row.deliveredAt() == LogRow.NONE || row.deliveredAt() >= sendAt) return false;
        listener.rejectedRow(row, "delivered_at", "delivered_at " + Instant.ofEpochMilli(row.deliveredAt())
                + " is before the message was sent (" + Instant.ofEpochMilli(sendAt) + ")");
        return true;
    }

    /** A status row of a message already decided: merged, unless it reports a delivery the message was denied. */
    private void lateRow(LogRow row, String id, boolean undelivered) {
        if (undelivered && row.effectiveStatus().isDelivered()) {
            listener.rejectedRow(row, "status", "message " + id + " was reported undelivered because no delivery "
                    + "status came within the status horizon (" + (horizon / 3_600_000) + " h) after it was sent; "
                    + "raise statusHorizon to merge this row");
        } else {
            rowsMerged++;
        }
    }

    /** A status row that moves a waiting message's delivery instant (a later delivered_at) moves it in the queue (G3). */
    private void requeueIfMoved(Entry entry) {
        long instant = instantOf.applyAsLong(entry.merger.build());
        if (instant != entry.instant && ready.remove(entry)) {
            entry.instant = instant;
            ready.add(entry);
        }
    }

    private void queue(Entry entry) {
        entry.queued = true;
        Message m = entry.merger.build();
        entry.instant = instantOf.applyAsLong(m);
        entry.inbound = m.isInbound();
        entry.sequence = m.sequence();
        ready.add(entry);
    }

    /** Releases every message that no later row can precede. */
    private void release(long now) {
        while (!sentOnly.isEmpty()) {
            Entry head = sentOnly.peek();
            if (head.queued) {
                sentOnly.poll();
            } else if (head.merger.sendAt() + horizon < now) {
                sentOnly.poll();
                queue(head);
            } else {
                break;
            }
        }
        while (!ready.isEmpty() && ready.peek().instant < now) emit(ready.poll());
        Iterator<Released> it = released.values().iterator();
        while (it.hasNext() && it.next().forgetAfter < now) it.remove();
    }

    private void emit(Entry entry) {
        if (entry.probe) {
            if (!entry.merger.isDelivered()) listener.atSend(entry.merger.build());
            return;
        }
        Message m = entry.merger.build();
        if (!m.isInbound() && m.messageId() != null && !m.messageId().isEmpty()) {
            open.remove(m.messageId());
            // Remembered for a horizon after release (not after its instant: a sent-only message is released only
            // once its horizon has passed), so late status rows are merged or reported, never taken for new messages.
            released.put(m.messageId(), new Released(Math.max(entry.instant, watermark) + horizon, !m.isDelivered(),
                    StatusMerger.identity(entry.merger.first())));
        }
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

    /** Releases everything still held, at the end of the log. */
    public void finish() {
        for (Entry e : sentOnly) if (!e.queued) queue(e);
        sentOnly.clear();
        while (!ready.isEmpty()) emit(ready.poll());
        open.clear();
    }

    /** Status rows merged into an earlier row of the same message. */
    public long rowsMerged() { return rowsMerged; }

    /** The most message ids held open at once. */
    public int peakOpen() { return peakOpen; }

    private static final class Entry implements Comparable<Entry> {
        final StatusMerger merger;
        /** Not the message itself but the moment of its send instant, for {@link Listener#atSend}. */
        boolean probe;
        boolean queued;
        long instant;
        boolean inbound;
        long sequence;

        Entry(StatusMerger merger) { this.merger = merger; }

        /** The executive's contract: instant, then inbound before outbound, then insertion order. */
        @Override public int compareTo(Entry o) {
            int c = Long.compare(instant, o.instant);
            if (c != 0) return c;
            c = Boolean.compare(!inbound, !o.inbound);
            if (c != 0) return c;
            c = Long.compare(sequence, o.sequence);
            if (c != 0) return c;
            // A message released undelivered has its probe's instant and sequence: the probe goes first.
            return Boolean.compare(!probe, !o.probe);
        }
    }

    private record Released(long forgetAfter, boolean undelivered, long identity) {}
}
