package io.wabill.sim.events;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import java.util.Objects;

/**
 * Builds one {@link Message} from the rows that share a {@code message_id} (G10, FORMATS.md section 1):
 * they must agree on account, business, customer, kind, category and template; the send instant is the
 * earliest timestamp; the status the most advanced; the delivery instant any row's {@code delivered_at},
 * else the earliest delivered/read row's timestamp, else the send instant when delivered.
 */
public final class StatusMerger {
    /** The message as its first row alone makes it ({@link #oneRow}): what every later row must agree with. */
    private final Message first;
    private long sendAt;
    private DeliveryStatus status;
    private long deliveredAtColumn = LogRow.NONE;
    private long earliestDeliveredRow = LogRow.NONE;
    private long fepExpiresAt = LogRow.NONE;
    private int rows;
    /** The message as last built: rebuilt only after a row is merged, so queueing and releasing build it once. */
    private Message built;

    public StatusMerger(LogRowFields first, long sequence) { this(oneRow(first, sequence), first.deliveredAt()); }

    /**
     * The merger of a message so far made of one row: {@code first} as {@link #oneRow} built it from that row, whose
     * {@code delivered_at} cell was {@code deliveredAtCell} ({@link LogRow#NONE} when empty; a row not yet delivered may
     * carry one, which counts once a later row reports the delivery). The same message object stays the message
     * until a row is merged.
     */
    StatusMerger(Message first, long deliveredAtCell) {
        this.first = first;
        this.sendAt = first.sendAt();
        this.status = first.status();
        this.deliveredAtColumn = deliveredAtCell;
        this.fepExpiresAt = first.fepExpiresAt();
        if (status.isDelivered()) earliestDeliveredRow = sendAt;
        this.rows = 1;
        this.built = first;
    }

    private StatusMerger(StatusMerger o) {
        this.first = o.first;
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
    public void merge(LogRowFields row) {
        built = null;
        if (row.timestamp() < sendAt) sendAt = row.timestamp();
        DeliveryStatus s = row.effectiveStatus();
        status = DeliveryStatus.mostAdvanced(status, s);
        if (row.deliveredAt() != LogRow.NONE && deliveredAtColumn == LogRow.NONE) deliveredAtColumn = row.deliveredAt();
        if (row.fepExpiresAt() != LogRow.NONE && fepExpiresAt == LogRow.NONE) fepExpiresAt = row.fepExpiresAt();
        if (s.isDelivered() && (earliestDeliveredRow == LogRow.NONE || row.timestamp() < earliestDeliveredRow))
            earliestDeliveredRow = row.timestamp();
        rows++;
    }

    /** Why a status row disagrees with the message's first row (G10), or null when it agrees. */
    public String conflict(LogRowFields row) { return conflict(first, row); }

    /** Why a status row disagrees with its message's first row (G10), or null when it agrees. */
    static String conflict(Message first, LogRowFields row) {
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
    public static long identity(LogRowFields row) {
        return identity(row.account(), row.business(), row.customer(), row.kind(), row.category(), row.template());
    }

    /** The {@link #identity} of the rows of {@code m}, which all agree on these fields. */
    static long identity(Message m) {
        return identity(m.account(), m.business(), m.customer(), m.kind(), m.category(), m.template());
    }

    private static long identity(String account, String business, String customer, MessageKind kind,
                                 TemplateCategory category, String template) {
        long h = field(0x2545F4914F6CDD1DL, stringHash(account));
        h = field(h, numberHash(business));
        h = field(h, numberHash(customer));
        h = field(h, kind.ordinal());
        h = field(h, category == null ? -1 : category.ordinal());
        h = field(h, stringHash(template));
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

    private static String differs(Message first, String column, String value, String expected) {
        return "status row of message " + first.messageId() + " has " + column + " '" + value
                + "' but its first row (" + first.location() + ") has '" + expected + "' (G10: status rows must agree)";
    }

    public boolean isDelivered() { return status.isDelivered(); }

    public long sendAt() { return sendAt; }

    /** The message as its first row alone made it. */
    public Message first() { return first; }

    public int rows() { return rows; }

    public Message build() {
        if (built != null) return built;
        long delivered = LogRow.NONE;
        if (status.isDelivered()) {
            if (deliveredAtColumn != LogRow.NONE) delivered = deliveredAtColumn;
            else if (earliestDeliveredRow != LogRow.NONE) delivered = earliestDeliveredRow;
            else delivered = sendAt;
        }
        Message f = first;
        return built = new Message(f.messageId(), f.account(), f.portfolio(), f.business(), f.customer(), f.direction(),
                f.kind(), f.category(), f.entryPoint(), status, sendAt, delivered, f.template(), f.tokens(),
                f.file(), f.line(), rows, f.sequence(), fepExpiresAt);
    }

    /**
     * A message of one row (inbound rows, or an outbound row whose id appears once): what
     * {@code new StatusMerger(row, sequence).build()} builds, without the merger: the status is the row's, the
     * delivery instant its {@code delivered_at}, else its timestamp when delivered.
     */
    static Message oneRow(LogRowFields f, long sequence) {
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
