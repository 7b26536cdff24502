package io.wabill.sim.events;

import io.wabill.sim.domain.DeliveryStatus;
import java.util.Objects;

/**
 * Builds one {@link Message} from the rows that share a {@code message_id} (G10, FORMATS.md section 1):
 * they must agree on account, business, customer, kind, category and template; the send instant is the
 * earliest timestamp; the status the most advanced; the delivery instant any row's {@code delivered_at},
 * else the earliest delivered/read row's timestamp, else the send instant when delivered.
 */
public final class StatusMerger {
    private final LogRow first;
    private final long sequence;
    private long sendAt;
    private DeliveryStatus status;
    private long deliveredAtColumn = LogRow.NONE;
    private long earliestDeliveredRow = LogRow.NONE;
    private long fepExpiresAt = LogRow.NONE;
    private int rows;
    /** The message as last built: rebuilt only after a row is merged, so queueing and releasing build it once. */
    private Message built;

    public StatusMerger(LogRow first, long sequence) {
        this.first = first;
        this.sequence = sequence;
        this.sendAt = first.timestamp();
        add(first);
        this.rows = 1;
    }

    /**
     * A merger of one row whose message was already built from that row alone ({@link #oneRow}, or null): the same
     * message object stays the message until a row is merged.
     */
    StatusMerger(LogRow first, long sequence, Message builtFromFirst) {
        this(first, sequence);
        this.built = builtFromFirst;
    }

    private StatusMerger(StatusMerger o) {
        this.first = o.first;
        this.sequence = o.sequence;
        this.sendAt = o.sendAt;
        this.status = o.status;
        this.deliveredAtColumn = o.deliveredAtColumn;
        this.earliestDeliveredRow = o.earliestDeliveredRow;
        this.fepExpiresAt = o.fepExpiresAt;
        this.rows = o.rows;
    }

    /** A copy to try a row on: where would it put the message (G3), before it is merged for good. */
    public StatusMerger copy() { return new StatusMerger(this); }

    /** Adds a status row that agrees with the message ({@link #conflict} returned null for it). */
    public void merge(LogRow row) {
        add(row);
        rows++;
    }

    private void add(LogRow row) {
        built = null;
        if (row.timestamp() < sendAt) sendAt = row.timestamp();
        DeliveryStatus s = row.effectiveStatus();
        status = DeliveryStatus.mostAdvanced(status, s);
        if (row.deliveredAt() != LogRow.NONE && deliveredAtColumn == LogRow.NONE) deliveredAtColumn = row.deliveredAt();
        if (row.fepExpiresAt() != LogRow.NONE && fepExpiresAt == LogRow.NONE) fepExpiresAt = row.fepExpiresAt();
        if (s.isDelivered() && (earliestDeliveredRow == LogRow.NONE || row.timestamp() < earliestDeliveredRow))
            earliestDeliveredRow = row.timestamp();
    }

    /** Why a status row disagrees with the message's first row (G10), or null when it agrees. */
    public String conflict(LogRow row) { return conflict(first, row); }

    /** Why a status row disagrees with its message's first row (G10), or null when it agrees. */
    static String conflict(LogRow first, LogRow row) {
        if (!Objects.equals(row.account(), first.account())) return differs(first, "account", row.account(), first.account());
        // "+1555…" and "1555…" are one number (FORMATS.md: the plus sign is optional).
        if (!Objects.equals(number(row.business()), number(first.business()))) return differs(first, "business", row.business(), first.business());
        if (!Objects.equals(number(row.customer()), number(first.customer()))) return differs(first, "customer", row.customer(), first.customer());
        if (row.kind() != first.kind()) return differs(first, "kind", row.kind().code(), first.kind().code());
        if (row.category() != first.category())
            return differs(first, "category", row.category() == null ? "" : row.category().code(),
                    first.category() == null ? "" : first.category().code());
        if (!Objects.equals(row.template(), first.template())) return differs(first, "template", row.template(), first.template());
        return null;
    }

    /**
     * A 64-bit digest of the fields status rows must agree on, small enough to keep for every released message for a
     * horizon, so a disagreeing row that comes after its message was priced is still refused. Built from the fields'
     * {@link String#hashCode()}s (cached by the strings the reader shares: account, business, template) and the
     * enums' positions, then mixed: one multiply per field instead of one per character, on every released message.
     */
    public static long identity(LogRow row) {
        long h = field(0x2545F4914F6CDD1DL, stringHash(row.account()));
        h = field(h, numberHash(row.business()));
        h = field(h, numberHash(row.customer()));
        h = field(h, row.kind().ordinal());
        h = field(h, row.category() == null ? -1 : row.category().ordinal());
        h = field(h, stringHash(row.template()));
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static long field(long h, int value) { return (h + (value & 0xFFFF_FFFFL)) * 0x9E3779B97F4A7C15L; }

    /** A null field differs from an empty one. */
    private static int stringHash(String s) { return s == null ? 0x5bd1e995 : s.hashCode(); }

    /** The hash of {@link #number}'s text without making it: "+1555…" and "1555…" hash alike. */
    private static int numberHash(String text) {
        if (text == null || !text.startsWith("+")) return stringHash(text);
        int h = 0;
        for (int i = 1; i < text.length(); i++) h = 31 * h + text.charAt(i);
        return h;
    }

    private static String differs(LogRow first, String column, String value, String expected) {
        return "status row of message " + first.messageId() + " has " + column + " '" + value
                + "' but its first row (" + first.location() + ") has '" + expected + "' (G10: status rows must agree)";
    }

    public boolean isDelivered() { return status.isDelivered(); }

    public long sendAt() { return sendAt; }

    public LogRow first() { return first; }

    public int rows() { return rows; }

    public Message build() {
        if (built != null) return built;
        long delivered = LogRow.NONE;
        if (status.isDelivered()) {
            if (deliveredAtColumn != LogRow.NONE) delivered = deliveredAtColumn;
            else if (earliestDeliveredRow != LogRow.NONE) delivered = earliestDeliveredRow;
            else delivered = sendAt;
        }
        LogRow f = first;
        return built = new Message(f.messageId(), f.account(), f.portfolio(), f.business(), f.customer(), f.direction(),
                f.kind(), f.category(), f.entryPoint(), status, sendAt, delivered, f.template(), f.tokens(),
                f.file(), f.line(), rows, sequence, fepExpiresAt);
    }

    /** A message of one row (inbound rows, or an outbound row whose id appears once). */
    public static Message single(LogRow row, long sequence) { return oneRow(row, sequence); }

    /**
     * What {@code new StatusMerger(row, sequence).build()} builds, without the merger: the status is the row's, the
     * delivery instant its {@code delivered_at}, else its timestamp when delivered.
     */
    static Message oneRow(LogRow f, long sequence) {
        DeliveryStatus status = f.effectiveStatus();
        long delivered = !status.isDelivered() ? LogRow.NONE : f.deliveredAt() != LogRow.NONE ? f.deliveredAt() : f.timestamp();
        return new Message(f.messageId(), f.account(), f.portfolio(), f.business(), f.customer(), f.direction(),
                f.kind(), f.category(), f.entryPoint(), status, f.timestamp(), delivered, f.template(), f.tokens(),
                f.file(), f.line(), 1, sequence, f.fepExpiresAt());
    }

    private static String number(String text) {
        return text != null && text.startsWith("+") ? text.substring(1) : text;
    }
}
