package io.wabill.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code 72h}, {@code 7d}, {@code 90m} or an ISO-8601 duration ({@code PT72H}). Every duration option is a
 * window or a horizon, so it must be longer than zero; and at most {@link #LONGEST}, so that adding it to any
 * instant a log may hold stays within a long of milliseconds.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    /** The longest duration an option takes: a century. */
    static final Duration LONGEST = Duration.ofDays(36_525);

    @Override public Duration convert(String value) {
        Duration d = parse(value);
        if (d.isZero() || d.isNegative())
            throw new TypeConversionException("a window or horizon must be longer than zero, was '" + value + "'");
        if (d.compareTo(LONGEST) > 0)
            throw new TypeConversionException("at most " + LONGEST.toDays() + "d (a century), was '" + value + "'");
        return d;
    }

    private static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.matches("\\d+[dhms]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                switch (v.charAt(v.length() - 1)) {
                    case 'd': return Duration.ofDays(n);
                    case 'h': return Duration.ofHours(n);
                    case 'm': return Duration.ofMinutes(n);
                    default: return Duration.ofSeconds(n);
                }
            }
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("expected a duration such as 72h, 7d, 90m or PT72H, was '" + value + "'");
        }
    }
}
