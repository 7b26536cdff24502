package io.wabill.data.io;

import java.math.BigDecimal;

/**
 * What the pricing model can hold, checked where the values are read so that a value past them is an input error
 * naming its row, never an overflow in the middle of a run. Money is a {@code long} of 10^-8 units (about 92
 * billion currency units, {@code io.wabill.sim.money.Money}); the bound below leaves room for the total of
 * close to a million messages at the highest rate. (A token count whose cost overflows is caught where it is
 * priced, E6, as an error of its row.)
 */
public final class ModelBounds {
    /** The highest rate per message a card may give, in any currency (Meta's highest are a few hundred, in IDR/COP). */
    public static final BigDecimal MAX_RATE = BigDecimal.valueOf(100_000);

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
}
