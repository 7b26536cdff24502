package io.wabill.sim.rates;

import java.math.BigDecimal;

/**
 * One volume band: messages {@code from..to} of the month (inclusive, {@code to == Long.MAX_VALUE}
 * when open) cost {@code rate} each. A list rate is the single band {@code 1..MAX}.
 */
public record Band(long from, long to, BigDecimal rate) {
    public Band {
        if (from < 1) throw new IllegalArgumentException("tier_from must be >= 1, was " + from);
        if (to < from) throw new IllegalArgumentException("tier_to must be >= tier_from " + from + ", was " + to);
        if (rate == null || rate.signum() < 0) throw new IllegalArgumentException("rate must be >= 0, was " + rate);
    }

    public boolean isOpen() { return to == Long.MAX_VALUE; }

    /** The ledger's tier label, {@code lower:upper} with {@code MAX} for an open band. */
    public String label() { return from + ":" + (isOpen() ? "MAX" : Long.toString(to)); }
}
