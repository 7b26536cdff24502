package io.wabill.sim.quote;

import java.util.Locale;

/** What a quote prices: the template categories and service (non-template) messages of per-message pricing. */
public enum QuoteCategory {
    MARKETING, UTILITY, AUTHENTICATION, SERVICE;

    public String code() { return name().toLowerCase(Locale.ROOT); }

    /** Parses {@code marketing}, {@code utility}, {@code authentication} or {@code service}; null when none. */
    public static QuoteCategory parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (QuoteCategory c : values()) if (c.code().equals(t)) return c;
        return null;
    }
}
