package io.wabill.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for counts given as options, so that an impossible count is a usage error (exit 2) that names it. */
final class Counts {
    private Counts() {}

    /** A whole number of at least 1 ({@code --top-markets}). */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override public Integer convert(String value) {
            int n = parse(value);
            if (n < 1) throw new TypeConversionException("must be at least 1, was " + value.strip());
            return n;
        }
    }

    /** A whole number of rows, 0 or more ({@code --max-unsorted-rows}). */
    static final class Rows implements ITypeConverter<Long> {
        @Override public Long convert(String value) {
            long n;
            try {
                n = Long.parseLong(value.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            if (n < 0) throw new TypeConversionException("must be 0 or more, was " + value.strip());
            return n;
        }
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }
}
