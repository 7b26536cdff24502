package io.wabill.app;

/** A range of monthly growth rates, {@code 2%..8%}: each forecast run draws its rate uniformly from it. */
public record GrowthRange(double low, double high) {
    public GrowthRange {
        if (high < low) throw new IllegalArgumentException("the growth range's upper end is below its lower end");
    }

    /** The rate at {@code u} in [0, 1). */
    public double at(double u) { return low + (high - low) * u; }

    @Override public String toString() {
        return format(low) + ".." + format(high);
    }

    /** A monthly growth rate as a percentage: {@code 0.05} as {@code 5%}. */
    public static String format(double growth) {
        return new java.math.BigDecimal(growth * 100).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString() + "%";
    }
}
