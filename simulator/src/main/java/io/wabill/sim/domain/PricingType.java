package io.wabill.sim.domain;

import java.util.Locale;

/** The ledger's pricing_type vocabulary (PRICING.md, "What the ledger reports"). */
public enum PricingType {
    REGULAR, FREE_CUSTOMER_SERVICE, FREE_ENTRY_POINT, FREE_TIER, IN_CONVERSATION,
    FREE_LATE_DELIVERY, FREE_REACTION, REJECTED, UNDELIVERED, INBOUND;

    public String code() { return name().toLowerCase(Locale.ROOT); }

    public boolean isCharged() { return this == REGULAR; }
}
