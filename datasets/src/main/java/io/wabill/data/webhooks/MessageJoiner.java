package io.wabill.data.webhooks;

import io.wabill.data.log.RowError;
import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.events.LogRow;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Joins webhook events into log rows in time order. Statuses are joined to their message by id (G10): the send
 * instant is the earliest status, the status the most advanced ({@code failed} < {@code sent} < {@code
 * delivered} < {@code read}), the delivery instant the earliest {@code delivered} (or {@code read}, which
 * implies it) status, and Meta's report the first value each field was given.
 *
 * <p>Memory is bounded by time, not by the input's length; the <em>watermark</em> is the newest event instant
 * seen. A message is written once the watermark has moved {@code joinWindow} past the moment its first status
 * arrived (most statuses of a message come within seconds). A status that comes later and advances what was
 * written (a delivery after {@code sent}, a {@code read}) is written as a further status row of the same id,
 * which the log reader merges, so a late status never changes a price unseen; one that says nothing new is
 * counted. Ids are remembered for {@code horizon} after they were written, so a late status is never taken for
 * a new message. Rows wait in a reorder buffer until the watermark is two join windows past them, so the log is
 * sorted by time as long as events arrive at most one join window out of order; rows that come later are
 * written anyway and counted (the log reader then sorts in memory).
 *
 * <p>Held at once: the messages first seen within the last join window, the rows of the last two join
 * windows, about 16 bytes per id written or received in the last {@code horizon} (plus the attributes of the
 * undelivered ones), and the pairs with a user message in the last day.
 */
public final class MessageJoiner {
    static final long DAY = 24L * 3600 * 1000;

    private final long joinWindow;
    private final long horizon;
    private final KindInference inference;
    private final Consumer<ImportedRow> out;
    private final Consumer<RowError> errors;
    private final ImportReport report;

    private final Map<String, Pending> pending = new HashMap<>();
    private final ArrayDeque<Pending> byDeadline = new ArrayDeque<>();
    private final PriorityQueue<ImportedRow> buffer = new PriorityQueue<>(Comparator.comparingLong(ImportedRow::timestamp)
            .thenComparing(r -> r.direction() != Direction.INBOUND).thenComparingLong(ImportedRow::sequence));
    private final AwaitingDelivery written = new AwaitingDelivery();
    /** Ids of written messages that nothing late can change (delivered, or not written), and of user messages. */
    private final IdMemory settled, inboundSeen;
    private final LinkedHashMap<String, long[]> userMessages = new LinkedHashMap<>();
    private long watermark = Long.MIN_VALUE;
    private long lastWritten = Long.MIN_VALUE;
    private long sequence;

    public MessageJoiner(long joinWindowMillis, long horizonMillis, KindInference inference, ImportReport report,
                         Consumer<ImportedRow> out, Consumer<RowError> errors) {
        if (joinWindowMillis <= 0) throw new IllegalArgumentException("join window must be > 0 ms, was " + joinWindowMillis);
        if (horizonMillis < joinWindowMillis)
            throw new IllegalArgumentException("status horizon must be >= the join window, was " + horizonMillis + " ms");
        this.joinWindow = joinWindowMillis;
        this.horizon = horizonMillis;
        this.inference = inference;
        this.report = report;
        this.out = out;
        this.errors = errors;
        this.settled = new IdMemory(horizonMillis);
        this.inboundSeen = new IdMemory(horizonMillis);
    }

    public void accept(Object event) {
        if (event instanceof StatusEvent s) status(s);
        else inbound((InboundEvent) event);
    }

    private void advance(long instant) {
        if (instant > watermark) watermark = instant;
    }

    private void inbound(InboundEvent e) {
        advance(e.timestamp());
        if (inboundSeen.contains(e.messageId(), watermark)) { // Meta re-sends a webhook that was not acknowledged
            report.inboundDuplicates++;
            release();
            return;
        }
        inboundSeen.add(e.messageId(), watermark);
        if (e.kind() == MessageKind.CALL) report.calls++;
        else report.inboundMessages++;
        rememberUserMessage(e.business(), e.customer(), e.timestamp());
        buffer(new ImportedRow(e.timestamp(), e.messageId(), e.account(), e.business(), e.customer(), Direction.INBOUND,
                e.kind(), null, e.entryPoint(), null, LogRow.NONE, MetaReport.EMPTY, sequence++));
        release();
    }

    private void status(StatusEvent s) {
        advance(s.timestamp());
        report.statuses++;
        Pending p = pending.get(s.messageId());
        if (p != null) {
            p.add(s);
            report.statusesMerged++;
        } else {
            AwaitingDelivery.Message w = written.get(s.messageId());
            if (w != null) late(s, w);
            else if (settled.contains(s.messageId(), watermark)) lateWithoutNews();
            else open(s);
        }
        release();
    }

    private void open(StatusEvent s) {
        Pending p = new Pending(s, watermark + joinWindow, sequence++);
        pending.put(s.messageId(), p);
        byDeadline.add(p);
        report.peakPending = Math.max(report.peakPending, pending.size());
    }

    private void lateWithoutNews() {
        report.statusesMerged++;
        report.lateStatusesIgnored++;
    }

    /** A status of an undelivered message already written: a further status row when it says something new. */
    private void late(StatusEvent s, AwaitingDelivery.Message w) {
        if (DeliveryStatus.mostAdvanced(w.status(), s.status()) == w.status()) {
            lateWithoutNews();
            return;
        }
        report.statusesMerged++;
        if (s.status().isDelivered()) { // from now on only a read could follow, which changes no price
            written.remove(s.messageId());
            settled.add(s.messageId(), watermark);
        } else {
            written.setStatus(s.messageId(), s.status());
        }
        report.lateStatusRows++;
        buffer(new ImportedRow(s.timestamp(), s.messageId(), w.account(), w.business(), w.customer(), Direction.OUTBOUND,
                w.kind(), w.category(), EntryPoint.NONE, s.status(), LogRow.NONE, s.report(), sequence++));
    }

    private void finalizeMessage(Pending p) {
        pending.remove(p.id);
        boolean userWrote = userWroteBefore(p.business, p.customer, p.firstAt);
        KindInference.Result kind = inference.infer(p.report, userWrote);
        String category = p.report.category().toLowerCase(Locale.ROOT);
        if (!category.isEmpty() && !KindInference.KNOWN_CATEGORIES.contains(category))
            report.unknownCategories.merge(p.report.category(), 1L, Long::sum); // W4: kept as reported, listed
        // Only a message still waiting for its delivery keeps its attributes; the others are settled ids.
        if (kind.kind() != null && !p.status.isDelivered())
            written.put(p.id, p.account, p.business, p.customer, kind.kind(), kind.category(), p.status, watermark);
        else settled.add(p.id, watermark);
        if (kind.kind() == null) {
            report.unresolvedMessages++;
            errors.accept(new RowError(p.file, p.line, "category", p.report.category(),
                    "message " + p.id + ": " + kind.unresolved()));
            return;
        }
        report.outboundMessages++;
        report.kindBasis.merge(kind.basis(), 1L, Long::sum);
        long delivered = p.status.isDelivered() ? p.deliveredAt : LogRow.NONE;
        buffer(new ImportedRow(p.firstAt, p.id, p.account, p.business, p.customer, Direction.OUTBOUND, kind.kind(),
                kind.category(), EntryPoint.NONE, p.status, delivered, p.report, p.sequence));
    }

    private void buffer(ImportedRow row) {
        buffer.add(row);
        report.peakBuffered = Math.max(report.peakBuffered, buffer.size());
    }

    /** Writes what no later event can precede and forgets what no later event can need. */
    private void release() {
        while (!byDeadline.isEmpty() && byDeadline.peek().deadline < watermark) {
            Pending p = byDeadline.poll();
            if (pending.get(p.id) == p) finalizeMessage(p);
        }
        long safe = watermark - 2 * joinWindow;
        while (!buffer.isEmpty() && buffer.peek().timestamp() < safe) emit(buffer.poll());
        written.forgetWrittenBefore(watermark - horizon);
        forget(userMessages, times -> times[times.length - 1] + DAY + 2 * joinWindow < watermark);
    }

    private static <V> void forget(LinkedHashMap<String, V> map, java.util.function.Predicate<V> stale) {
        Iterator<V> it = map.values().iterator();
        while (it.hasNext() && stale.test(it.next())) it.remove();
    }

    private void emit(ImportedRow row) {
        if (row.timestamp() < lastWritten) report.rowsOutOfOrder++;
        else lastWritten = row.timestamp();
        report.rowsWritten++;
        out.accept(row);
    }

    /** Writes everything still held, at the end of the input. */
    public void finish() {
        for (Pending p : byDeadline) if (pending.get(p.id) == p) finalizeMessage(p);
        byDeadline.clear();
        while (!buffer.isEmpty()) emit(buffer.poll());
    }

    // ---- the user's recent messages per pair, for G6/G7-aware kind inference ----

    private static final int KEEP = 8;

    private void rememberUserMessage(String business, String customer, long at) {
        String key = business + '|' + customer;
        long[] times = userMessages.remove(key); // re-inserted at the end: the map stays ordered by last update
        long[] next;
        if (times == null) {
            next = new long[] {at};
        } else {
            int from = times.length == KEEP ? 1 : 0;
            next = new long[times.length - from + 1];
            System.arraycopy(times, from, next, 0, times.length - from);
            next[next.length - 1] = at;
            java.util.Arrays.sort(next);
        }
        userMessages.put(key, next);
    }

    /** Whether the user wrote or called in the 24 h up to {@code at} (the window is half-open, G6). */
    private boolean userWroteBefore(String business, String customer, long at) {
        long[] times = userMessages.get(business + '|' + customer);
        if (times == null) return false;
        for (long t : times) if (t <= at && at < t + DAY) return true;
        return false;
    }

    private static final class Pending {
        final String id, account, business, customer, file;
        final long line, deadline, sequence;
        long firstAt, deliveredAt = LogRow.NONE;
        DeliveryStatus status;
        MetaReport report;

        Pending(StatusEvent s, long deadline, long sequence) {
            this.id = s.messageId();
            this.account = s.account();
            this.business = s.business();
            this.customer = s.customer();
            this.file = s.file();
            this.line = s.line();
            this.deadline = deadline;
            this.sequence = sequence;
            this.firstAt = s.timestamp();
            this.report = MetaReport.EMPTY;
            add(s);
        }

        void add(StatusEvent s) {
            if (s.timestamp() < firstAt) firstAt = s.timestamp();
            status = DeliveryStatus.mostAdvanced(status, s.status());
            if (s.status().isDelivered() && (deliveredAt == LogRow.NONE || s.timestamp() < deliveredAt))
                deliveredAt = s.timestamp();
            report = report.orElse(s.report());
        }
    }
}
