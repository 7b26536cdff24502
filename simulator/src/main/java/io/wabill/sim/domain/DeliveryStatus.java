package io.wabill.sim.domain;

import java.util.Locale;

/** Outbound status, ordered from least to most advanced (FORMATS.md section 1). */
public enum DeliveryStatus {
    FAILED, SENT, DELIVERED, READ;

    public boolean isDelivered() { return this == DELIVERED || this == READ; }

    /** Computed once: codes are read for every row of a log and every line of a ledger. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() { return code; }

    /** The most advanced of two statuses; a delivered message that later reports failed stays delivered. */
    public static DeliveryStatus mostAdvanced(DeliveryStatus a, DeliveryStatus b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    public static DeliveryStatus parse(String text) {
        for (DeliveryStatus s : values()) if (s.code().equalsIgnoreCase(text)) return s;
        return null;
    }
}
