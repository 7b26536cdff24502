package io.wabill.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A range of monthly growth rates, {@code 2%..8%}: each forecast run draws its rate uniformly from it. */
public record GrowthRange(double low, double high) {
    public GrowthRange {
        if (high < low) throw new IllegalArgumentException("the growth range's upper end is below its lower end");
    }

    /** The rate at {@code u} in [0, 1). */
    public double at(double u) { return low + (high - low) * u; }

    @Override public String toString() {
        return GrowthConverter.format(low) + ".." + GrowthConverter.format(high);
    }

    /** Reads {@code 2%..8%} or {@code 2%..8%/month}. */
    public static final class Converter implements ITypeConverter<GrowthRange> {
        @Override public GrowthRange convert(String value) {
            int dots = value.indexOf("..");
            if (dots < 0) throw new TypeConversionException("expected a range of monthly growth such as 2%..8%, was '" + value + "'");
            String hi = value.substring(dots + 2);
            double low = GrowthConverter.parse(value.substring(0, dots)), high = GrowthConverter.parse(hi);
            if (high < low) throw new TypeConversionException("the range " + value + " ends below where it starts");
            return new GrowthRange(low, high);
        }
    }
}
