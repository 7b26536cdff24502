package io.wabill.data.traffic;

/**
 * One row of a generated log, as the generator hands it to a {@link TrafficSink} in log order. Instants are
 * whole epoch seconds. The sink reads it before returning and keeps no reference: the generator reuses it for a later
 * event.
 */
public final class GeneratedRow {
    public static final byte IN_MESSAGE = 0, IN_CALL = 1, TEMPLATE = 2, FREE_FORM = 3, REACTION = 4, AGENT = 5;
    public static final byte NO_CATEGORY = 0, MARKETING = 1, UTILITY = 2, AUTHENTICATION = 3;
    public static final byte NO_STATUS = 0, DELIVERED = 1, READ = 2, FAILED = 3;

    long at;
    /** Delivery instant when later than {@link #at}, else -1 (delivered on send, or not delivered). */
    long deliveredAt = -1;
    int market;
    long customer;
    byte type;
    byte category;
    byte status;
    boolean ctwa;
    int tokens;
    long sequence;
    /** The outbound message's number in the log (1, 2, ...), 0 for inbound rows; set when the row is emitted. */
    long messageNo;

    /** Back to a new row's values, for the generator's scratch row. */
    GeneratedRow reset() {
        at = 0;
        deliveredAt = -1;
        market = 0;
        customer = 0;
        type = 0;
        category = 0;
        status = 0;
        ctwa = false;
        tokens = 0;
        sequence = 0;
        messageNo = 0;
        return this;
    }

    public long at() { return at; }

    public long deliveredAt() { return deliveredAt; }

    /** Index of the market in the model. */
    public int market() { return market; }

    /** Index of the customer within its market. */
    public long customer() { return customer; }

    public byte type() { return type; }

    public byte category() { return category; }

    public byte status() { return status; }

    public boolean ctwa() { return ctwa; }

    public int tokens() { return tokens; }

    public long messageNo() { return messageNo; }

    public boolean inbound() { return type == IN_MESSAGE || type == IN_CALL; }
}
