package io.wabill.sim.events;

import io.wabill.sim.domain.Direction;
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
    public void accept(LogRow row) {
        if (row.timestamp() < watermark)
            throw new IllegalStateException("rows must arrive sorted by timestamp: " + row.location() + " goes back in time");
        accept(row, sequence++);
    }

    /**
     * Adds the next row with its insertion order given by the caller: when the rows of one log are split among
     * several assemblers (independent portfolios priced in parallel), each message keeps its place in the log.
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

    /**
     * Moves time to a row that went to another assembler: releases what that row would have released here, so
     * messages come out at the same point of the log as if this assembler had read every row.
     */
    public void advance(long timestamp) {
        if (timestamp < watermark) throw new IllegalStateException("time must not go back: " + timestamp + " < " + watermark);
        watermark = timestamp;
        release(watermark);
    }

    private void acceptOutbound(LogRow row, String id, long seq) {
        Entry entry = open.get(id);
        if (entry != null) {
            String conflict = entry.merger.merge(row);
            if (conflict != null) {
                listener.rejectedRow(row, "message_id", conflict);
                return;
            }
            rowsMerged++;
            if (!entry.queued && entry.merger.isDelivered()) queue(entry);
            return;
        }
        Released done = released.get(id);
        if (done != null) {
            if (done.undelivered && row.effectiveStatus().isDelivered()) {
                listener.rejectedRow(row, "status", "message " + id + " was reported undelivered because no delivery "
                        + "status came within the status horizon (" + (horizon / 3_600_000) + " h) after it was sent; "
                        + "raise --status-horizon to merge this row");
            } else {
                rowsMerged++;
            }
            return;
        }
        entry = new Entry(new StatusMerger(row, seq));
        open.put(id, entry);
        if (open.size() > peakOpen) peakOpen = open.size();
        if (entry.merger.isDelivered()) queue(entry);
        else sentOnly.add(entry);
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
        Message m = entry.merger.build();
        if (!m.isInbound() && m.messageId() != null && !m.messageId().isEmpty()) {
            open.remove(m.messageId());
            released.put(m.messageId(), new Released(entry.instant + horizon, !m.isDelivered()));
        }
        listener.message(m);
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
            return Long.compare(sequence, o.sequence);
        }
    }

    private record Released(long forgetAfter, boolean undelivered) {}
}
