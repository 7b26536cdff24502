package io.wabill.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a monthly growth rate: {@code 5%/month}, {@code 5%}, {@code -2%} or a fraction such as {@code 0.05}. */
public final class GrowthConverter implements ITypeConverter<Double> {
    @Override public Double convert(String value) {
        return parse(value);
    }

    static double parse(String value) {
        String s = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.endsWith("/month")) s = s.substring(0, s.length() - 6).trim();
        boolean percent = s.endsWith("%");
        if (percent) s = s.substring(0, s.length() - 1).trim();
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expected a monthly growth such as 5%/month, 5% or 0.05, was '" + value + "'");
        }
        if (percent) d /= 100;
        if (!(d > -1) || d > 10) throw new TypeConversionException("expected a monthly growth above -100% and at most 1000%, was '" + value + "'");
        return d;
    }

    /** {@code 0.05} as {@code 5%}. */
    static String format(double growth) { return io.wabill.app.GrowthRange.format(growth); }
}
