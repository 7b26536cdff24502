package io.wabill.sim.domain;

import java.util.Locale;

/** The category Meta would report for a row; NONE prints as an empty cell. */
public enum BillableCategory {
    NONE, MARKETING, MARKETING_LITE, UTILITY, AUTHENTICATION, AUTHENTICATION_INTERNATIONAL, SERVICE,
    REFERRAL_CONVERSION, USER_INITIATED, BUSINESS_INITIATED, NOTIFICATION, BUSINESS_AGENT;

    /** Computed once: codes are read for every row of a log and every line of a ledger. */
    private final String code = "NONE".equals(name()) ? "" : name().toLowerCase(java.util.Locale.ROOT);

    public String code() { return code; }
}
