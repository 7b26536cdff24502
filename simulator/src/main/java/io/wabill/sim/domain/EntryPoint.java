package io.wabill.sim.domain;

import java.util.Locale;

/** How a user's message arrived; only click-to-WhatsApp ads and Page buttons are free entry points (B4, C7, D5). */
public enum EntryPoint {
    NONE, CTWA, PAGE_CTA, POST;

    public boolean isFree() { return this == CTWA || this == PAGE_CTA; }

    /** Computed once: codes are read for every row of a log and every line of a ledger. */
    private final String code = "NONE".equals(name()) ? "" : name().toLowerCase(java.util.Locale.ROOT);

    public String code() { return code; }

    public static EntryPoint parse(String text) {
        if (text == null || text.isEmpty()) return NONE;
        for (EntryPoint e : values()) if (e != NONE && e.code().equalsIgnoreCase(text)) return e;
        return null;
    }
}
