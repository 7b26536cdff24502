package io.wabill.sim.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money as a {@code long} count of 10^-8 units of a currency. Meta prints rates with four decimals and
 * the token rate for agent messages needs six, so eight leave room while a long still holds 92 billion
 * currency units. Every conversion is exact or fails: money is never rounded silently and never a double.
 */
public final class Money {
    public static final int SCALE = 8;
    private static final BigDecimal UNIT = BigDecimal.ONE.movePointRight(SCALE);

    private Money() {}

    /** Exact units of a decimal; throws when the decimal has more than eight places or does not fit. */
    public static long toUnits(BigDecimal amount) {
        try {
            return amount.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount " + amount.toPlainString()
                    + " needs more than " + SCALE + " decimals or does not fit in a long");
        }
    }

    public static BigDecimal toDecimal(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }

    /** Adds with overflow detection, so a total can never wrap around. */
    public static long add(long a, long b) {
        return Math.addExact(a, b);
    }

    /**
     * Prints units as a plain decimal with at least {@code minScale} places and no trailing zeros
     * beyond them: {@code 0.0500}, {@code 12.3456}, {@code 0.00000200}.
     */
    public static String format(long units, int minScale) {
        BigDecimal d = toDecimal(units).stripTrailingZeros();
        if (d.scale() < minScale) d = d.setScale(minScale, RoundingMode.UNNECESSARY);
        return d.toPlainString();
    }

    /** Units of {@code tokens} at a rate per million tokens, exact (E6). */
    public static long perMillion(long tokens, BigDecimal ratePerMillion) {
        BigDecimal amount = ratePerMillion.multiply(BigDecimal.valueOf(tokens)).movePointLeft(6);
        return toUnits(amount);
    }

    static BigDecimal unit() { return UNIT; }
}
