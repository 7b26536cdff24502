package io.wabill.sim.domain;

import java.util.Locale;

/** The ledger's pricing_type vocabulary (PRICING.md, "What the ledger reports"). */
public enum PricingType {
    REGULAR, FREE_CUSTOMER_SERVICE, FREE_ENTRY_POINT, FREE_TIER, IN_CONVERSATION,
    FREE_LATE_DELIVERY, FREE_REACTION, REJECTED, UNDELIVERED, INBOUND;

    /** Computed once: codes are read for every row of a log and every line of a ledger. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() { return code; }

    public boolean isCharged() { return this == REGULAR; }
}
