package io.wabill.sim.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * G5: the span of days {@link MarketMap#marketOf(String, LocalDate, long[])} gives with a market holds that market on
 * every day in it, and ends where the map's answer changes; the engine keeps a country's market for that span.
 */
class MarketSpanTest {
    private static LocalDate d(String s) { return s == null ? null : LocalDate.parse(s); }

    private static MarketAssignment row(String market, String iso, String from, String to) {
        return new MarketAssignment(market, iso, iso, "0", d(from), d(to));
    }

    /** Moves, a gap, an open end, and overlapping rows (the first valid row wins). */
    private final MarketMap map = new MarketMap(List.of(
            row("Rest of Asia Pacific", "HK", null, "2026-06-30"),
            row("Hong Kong", "HK", "2026-07-01", null),
            row("Rest of Africa", "ZW", "2025-10-01", "2025-12-31"),
            row("Zimbabwe", "ZW", "2026-03-01", null),
            row("Wide", "XX", "2026-01-01", "2026-12-31"),
            row("Narrow", "XX", "2025-06-01", "2026-06-30"),
            row("Later", "XX", "2027-02-01", null)));

    @Test
    void everyDayOfTheSpanHasTheSameMarketAndTheDaysAroundItAnother() {
        long[] span = new long[2];
        for (String iso : new String[] {"HK", "ZW", "XX", "YY", null}) {
            for (LocalDate day = d("2025-01-01"); day.isBefore(d("2028-01-01")); day = day.plusDays(3)) {
                String market = map.marketOf(iso, day, span);
                assertEquals(map.marketOf(iso, day), market, iso + " on " + day);
                long from = Math.max(span[0], day.toEpochDay() - 400), to = Math.min(span[1], day.toEpochDay() + 400);
                for (long e = from; e <= to; e++)
                    assertEquals(market, map.marketOf(iso, LocalDate.ofEpochDay(e)), iso + " in the span of " + day);
                // this map has no two neighbouring rows of one market, so each span is as long as it can be
                if (span[0] != Long.MIN_VALUE)
                    assertNotEquals(market, map.marketOf(iso, LocalDate.ofEpochDay(span[0] - 1)), iso + ": before the span of " + day);
                if (span[1] != Long.MAX_VALUE)
                    assertNotEquals(market, map.marketOf(iso, LocalDate.ofEpochDay(span[1] + 1)), iso + ": after the span of " + day);
            }
        }
    }
}
