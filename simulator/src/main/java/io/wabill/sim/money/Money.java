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

    /**
     * Exact units of a decimal; throws an {@link ArithmeticException} when the decimal has more than eight places, an
     * {@link AmountOverflowException} when it does not fit.
     */
    public static long toUnits(BigDecimal amount) {
        BigDecimal scaled;
        try {
            scaled = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount " + amount.toPlainString() + " needs more than " + SCALE + " decimals");
        }
        if (scaled.unscaledValue().bitLength() > 63) throw new AmountOverflowException("an amount of " + amount.toPlainString() + " is");
        return scaled.unscaledValue().longValue();
    }

    public static BigDecimal toDecimal(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }

    /** Adds with overflow detection, so a total can never wrap around: past the bound it is an {@link AmountOverflowException}. */
    public static long add(long a, long b) {
        long r = a + b;
        // Overflow iff both operands have the sign opposite to the result (as in Math.addExact).
        if (((a ^ r) & (b ^ r)) < 0) throw new AmountOverflowException("amounts of " + format(a, 2) + " and " + format(b, 2) + " add up to");
        return r;
    }

    /** {@code a - b} with overflow detection (a delta between two totals). */
    public static long subtract(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) throw new AmountOverflowException("the difference of " + format(a, 2) + " and " + format(b, 2)
                + " is");
        return r;
    }

    /** {@code count} times an amount in units, with overflow detection (a quote's volume at a rate). */
    public static long times(long count, long units) {
        long hi = Math.multiplyHigh(count, units), lo = count * units;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
        throw new AmountOverflowException(count + " messages at " + format(units, 2) + " come to");
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
