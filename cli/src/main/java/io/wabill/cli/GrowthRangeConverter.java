package io.wabill.cli;

import io.wabill.app.GrowthRange;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 2%..8%} or {@code 2%..8%/month}. */
public final class GrowthRangeConverter implements ITypeConverter<GrowthRange> {
    @Override public GrowthRange convert(String value) {
        int dots = value.indexOf("..");
        if (dots < 0) throw new TypeConversionException("expected a range of monthly growth such as 2%..8%, was '" + value + "'");
        String hi = value.substring(dots + 2);
        double low = GrowthConverter.parse(value.substring(0, dots)), high = GrowthConverter.parse(hi);
        if (high < low) throw new TypeConversionException("the range " + value + " ends below where it starts");
        return new GrowthRange(low, high);
    }
}
