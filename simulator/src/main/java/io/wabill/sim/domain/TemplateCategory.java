package io.wabill.sim.domain;

import java.util.Locale;

/**
 * A template's category as it was when sent (G9). {@link #UNKNOWN} is a template whose category was not recorded
 * (FORMATS.md section 1: imported webhooks that report only a CBP-1 initiation type or a free entry point): it is
 * priced only where the rules in force do not use the category, and is an input error naming the rule elsewhere.
 */
public enum TemplateCategory {
    MARKETING, MARKETING_LITE, UTILITY, AUTHENTICATION, UNKNOWN;

    /** Computed once: codes are read for every row of a log and every line of a ledger. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() { return code; }

    /** Marketing Messages Lite count as marketing for conversations and rates (C4, D4). */
    public boolean isMarketing() { return this == MARKETING || this == MARKETING_LITE; }

    public static TemplateCategory parse(String text) {
        for (TemplateCategory c : values()) if (c.code().equalsIgnoreCase(text)) return c;
        return null;
    }
}
