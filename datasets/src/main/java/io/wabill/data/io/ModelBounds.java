package io.wabill.data.io;

import java.math.BigDecimal;

/**
 * What the pricing model can hold, checked where the values are read so that a value past them is an input error
 * naming its row, never an overflow in the middle of a run. Money is a {@code long} of 10^-8 units (about 92
 * billion currency units, {@code io.wabill.sim.money.Money}); the bounds below leave room for the total of
 * millions of messages at the highest rate.
 */
public final class ModelBounds {
    /** The highest rate per message a card may give, in any currency (Meta's highest are a few hundred, in IDR/COP). */
    public static final BigDecimal MAX_RATE = BigDecimal.valueOf(100_000);

    /** The most tokens one agent message may use (E6); Meta's agent replies use thousands. */
    public static final long MAX_TOKENS = 1_000_000_000L;

    /** The highest agent rate per million tokens (E6; Meta's is USD 2.00). */
    public static final BigDecimal MAX_AGENT_RATE_PER_MILLION = BigDecimal.valueOf(1_000_000);

    private ModelBounds() {}

    /** Null when {@code rate} is a usable rate per message, else what is wrong with it. */
    public static String checkRate(BigDecimal rate) {
        if (rate.signum() < 0) return "a rate cannot be negative, was " + rate.toPlainString();
        if (rate.compareTo(MAX_RATE) > 0)
            return "a rate above " + MAX_RATE.toPlainString() + " per message is more than the model holds, was "
                    + rate.toPlainString();
        if (rate.stripTrailingZeros().scale() > 8)
            return "a rate has at most 8 decimals, was " + rate.toPlainString();
        return null;
    }

    /** Null when {@code tokens} is a usable token count, else what is wrong with it. */
    public static String checkTokens(long tokens) {
        if (tokens < 0) return "expected a whole number of tokens >= 0";
        if (tokens > MAX_TOKENS) return "more than " + MAX_TOKENS + " tokens in one message is more than the model holds";
        return null;
    }
}
