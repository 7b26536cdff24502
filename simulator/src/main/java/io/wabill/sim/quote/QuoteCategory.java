package io.wabill.sim.quote;

import java.util.Locale;

/**
 * What a quote prices: under per-message pricing (PMP, PMP-26) and CBP-2 the template categories and service
 * (non-template) messages or conversations; under CBP-1 the two conversation types (B2).
 */
public enum QuoteCategory {
    MARKETING, UTILITY, AUTHENTICATION, SERVICE, USER_INITIATED, BUSINESS_INITIATED;

    public String code() { return name().toLowerCase(Locale.ROOT); }

    /** The categories a user may name, in order, for messages. */
    public static String names() {
        return "marketing, utility, authentication, service (user_initiated, business_initiated under CBP-1)";
    }

    /** True for the conversation types of CBP-1 (B2). */
    public boolean isCbp1Type() { return this == USER_INITIATED || this == BUSINESS_INITIATED; }

    /** Parses a category's code (case-insensitive); null when none. */
    public static QuoteCategory parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (QuoteCategory c : values()) if (c.code().equals(t)) return c;
        return null;
    }
}
