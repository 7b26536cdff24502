package io.wabill.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a day option ({@code YYYY-MM-DD}) and keeps it within the days whose every instant the model can hold in
 * any time zone: a log's instants lie in the years 0001 to 9999 (UTC), and a local day near either end would run
 * past them, so it is refused here (exit 2) instead of failing half-way through a run.
 */
public final class DayConverter implements ITypeConverter<LocalDate> {
    /** The first and last local day that lie wholly inside the instants a log may hold, in every time zone. */
    public static final LocalDate FIRST = LocalDate.of(1, 1, 2), LAST = LocalDate.of(9999, 12, 30);

    @Override public LocalDate convert(String value) {
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("expected a date YYYY-MM-DD, was '" + value + "'");
        }
        String wrong = outside(day);
        if (wrong != null) throw new TypeConversionException(wrong);
        return day;
    }

    /** Why {@code day} is outside {@link #FIRST}..{@link #LAST}, or null. */
    public static String outside(LocalDate day) {
        if (day.isBefore(FIRST) || day.isAfter(LAST))
            return "the day " + day + " is outside " + FIRST + " to " + LAST + ", the days a log's instants (years 0001 to "
                    + "9999) cover in every time zone";
        return null;
    }
}
