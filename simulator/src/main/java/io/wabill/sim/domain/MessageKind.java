package io.wabill.sim.domain;

import java.util.Locale;

/** What a row is: outbound template, free-form, reaction or agent message; inbound message or call. */
public enum MessageKind {
    TEMPLATE(Direction.OUTBOUND),
    FREE_FORM(Direction.OUTBOUND),
    REACTION(Direction.OUTBOUND),
    AGENT(Direction.OUTBOUND),
    MESSAGE(Direction.INBOUND),
    CALL(Direction.INBOUND);

    private final Direction direction;

    MessageKind(Direction direction) { this.direction = direction; }

    public Direction direction() { return direction; }

    /** Non-template outbound messages need an open customer service window (G7). */
    public boolean isNonTemplate() { return direction == Direction.OUTBOUND && this != TEMPLATE; }

    /** Computed once: codes are read for every row of a log and every line of a ledger. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() { return code; }

    public static MessageKind parse(String text) {
        for (MessageKind k : values()) if (k.code().equalsIgnoreCase(text)) return k;
        return null;
    }
}
