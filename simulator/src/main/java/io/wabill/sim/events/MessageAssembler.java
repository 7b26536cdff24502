package io.wabill.sim.events;

import io.wabill.sim.domain.Direction;
import java.util.ArrayDeque;
import java.util.HashMap;
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
 *
 * <p>One map holds every id still open or remembered: an open id maps to its entry, a remembered one to a
 * shared marker (delivered or not), with its forget time in a queue of primitive arrays, so an id remembered
 * for the horizon costs its string and a map node. A one-row message costs one map insertion and one removal,
 * and its message is built once.
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

    /** Ids open (to their {@link Entry}) and ids released but remembered for the horizon (to a marker). */
    private final Map<String, Object> ids = new HashMap<>();
    private static final Object DELIVERED = new Object(), UNDELIVERED = new Object();
    private final ArrayDeque<Entry> sentOnly = new ArrayDeque<>();
    private final PriorityQueue<Entry> ready = new PriorityQueue<>();
    /** Released ids in the order they were released, with when to forget them; a ring, forgotten from the front. */
    private String[] rememberedIds = new String[1024];
    private long[] forgetAfter = new long[1024];
    private int rememberedHead;
    private int rememberedCount;
    private long watermark = Long.MIN_VALUE;
    private long sequence;
    private long rowsMerged;
    private int open;
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
            queue(new Entry(new StatusMerger(row, seq), null));
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
        Object known = ids.get(id);
        if (known instanceof Entry) {
            Entry entry = (Entry) known;
            String conflict = entry.merger.merge(row);
            if (conflict != null) {
                listener.rejectedRow(row, "message_id", conflict);
                return;
            }
            rowsMerged++;
            entry.message = null; // the merged row may change the status or the delivery instant
            if (!entry.queued && entry.merger.isDelivered()) queue(entry);
            return;
        }
        if (known != null) {
            if (known == UNDELIVERED && row.effectiveStatus().isDelivered()) {
                listener.rejectedRow(row, "status", "message " + id + " was reported undelivered because no delivery "
                        + "status came within the status horizon (" + (horizon / 3_600_000) + " h) after it was sent; "
                        + "raise --status-horizon to merge this row");
            } else {
                rowsMerged++;
            }
            return;
        }
        Entry entry = new Entry(new StatusMerger(row, seq), id);
        ids.put(id, entry);
        if (++open > peakOpen) peakOpen = open;
        if (entry.merger.isDelivered()) queue(entry);
        else sentOnly.add(entry);
    }

    private void queue(Entry entry) {
        entry.queued = true;
        Message m = entry.message();
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
        while (rememberedCount > 0 && forgetAfter[rememberedHead] < now) {
            ids.remove(rememberedIds[rememberedHead]);
            rememberedIds[rememberedHead] = null;
            rememberedHead = (rememberedHead + 1) & (rememberedIds.length - 1);
            rememberedCount--;
        }
    }

    private void emit(Entry entry) {
        Message m = entry.message();
        if (entry.id != null) {
            // from open to remembered: only whether it was delivered is kept, and when to forget it
            open--;
            ids.put(entry.id, m.isDelivered() ? DELIVERED : UNDELIVERED);
            remember(entry.id, entry.instant + horizon);
        }
        listener.message(m);
    }

    private void remember(String id, long forget) {
        if (rememberedCount == rememberedIds.length) {
            int n = rememberedIds.length;
            String[] ids2 = new String[n * 2];
            long[] after2 = new long[n * 2];
            for (int i = 0; i < n; i++) {
                ids2[i] = rememberedIds[(rememberedHead + i) & (n - 1)];
                after2[i] = forgetAfter[(rememberedHead + i) & (n - 1)];
            }
            rememberedIds = ids2;
            forgetAfter = after2;
            rememberedHead = 0;
        }
        int tail = (rememberedHead + rememberedCount) & (rememberedIds.length - 1);
        rememberedIds[tail] = id;
        forgetAfter[tail] = forget;
        rememberedCount++;
    }

    /** Releases everything still held, at the end of the log. */
    public void finish() {
        for (Entry e : sentOnly) if (!e.queued) queue(e);
        sentOnly.clear();
        while (!ready.isEmpty()) emit(ready.poll());
        ids.values().removeIf(v -> v instanceof Entry);
        open = 0;
    }

    /** Status rows merged into an earlier row of the same message. */
    public long rowsMerged() { return rowsMerged; }

    /** The most message ids held open at once. */
    public int peakOpen() { return peakOpen; }

    private static final class Entry implements Comparable<Entry> {
        /** The message id of an outbound message, null for the rest (never looked up). */
        final String id;
        final StatusMerger merger;
        Message message;
        boolean queued;
        long instant;
        boolean inbound;
        long sequence;

        Entry(StatusMerger merger, String id) {
            this.merger = merger;
            this.id = id;
        }

        /** The message as merged so far, built once until another row merges into it. */
        Message message() {
            if (message == null) message = merger.build();
            return message;
        }

        /** The executive's contract: instant, then inbound before outbound, then insertion order. */
        @Override public int compareTo(Entry o) {
            int c = Long.compare(instant, o.instant);
            if (c != 0) return c;
            c = Boolean.compare(!inbound, !o.inbound);
            if (c != 0) return c;
            return Long.compare(sequence, o.sequence);
        }
    }
}
