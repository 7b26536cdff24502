package io.wabill.sim.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * An account's local calendar, caching the current local day, and what depends on the day only (its epoch day,
 * month and regime), so that most events cost two comparisons instead of a time-zone lookup and a walk of the
 * regime timeline. Month boundaries, switches and card changes all use local midnight (G1).
 */
final class LocalCalendar {
    private final ZoneId zone;
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;
    private LocalDate day;
    private long epochDay;
    private int monthIndex;
    private io.wabill.sim.domain.Regime regime;

    LocalCalendar(ZoneId zone) { this.zone = zone; }

    /** Moves the cache to the local day holding {@code millis}. */
    void at(long millis) {
        if (millis >= dayStart && millis < dayEnd) return;
        ZonedDateTime local = Instant.ofEpochMilli(millis).atZone(zone);
        day = local.toLocalDate();
        dayStart = day.atStartOfDay(zone).toInstant().toEpochMilli();
        dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        monthIndex = day.getYear() * 12 + day.getMonthValue() - 1;
        epochDay = day.toEpochDay();
        regime = io.wabill.sim.domain.Regime.onLocalDate(day);
    }

    LocalDate day() { return day; }

    /** The local day as {@link LocalDate#toEpochDay()}, to compare days without objects. */
    long epochDay() { return epochDay; }

    /** The regime of the timeline on the local day (G1), {@code Regime.onLocalDate(day())}. */
    io.wabill.sim.domain.Regime regime() { return regime; }

    /** Months since year 0 of the local day, a compact key for monthly counters. */
    int monthIndex() { return monthIndex; }

    ZoneId zone() { return zone; }

    private static final String[] LABELS = new String[12 * 3000];

    /** {@code YYYY-MM}; the labels of years 0 to 2999 are made once, since the summary asks on every line. */
    static String monthLabel(int monthIndex) {
        if (monthIndex >= 0 && monthIndex < LABELS.length) {
            String label = LABELS[monthIndex];
            if (label == null) LABELS[monthIndex] = label = format(monthIndex);
            return label;
        }
        return format(monthIndex);
    }

    /**
     * {@code 0000-01}, {@code 2026-10}, {@code +10000-01}: the month of {@link LocalDate#toString()}, which (unlike
     * {@code YearMonth.toString()}) signs a year past 9999 the way {@code YearMonth.parse} needs it.
     */
    private static String format(int monthIndex) {
        String day = LocalDate.of(Math.floorDiv(monthIndex, 12), Math.floorMod(monthIndex, 12) + 1, 1).toString();
        return day.substring(0, day.length() - 3);
    }
}
