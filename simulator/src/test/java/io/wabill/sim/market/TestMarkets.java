package io.wabill.sim.market;

import java.time.LocalDate;
import java.util.List;

/** A small market map shaped like the bundled one, with its dated moves (G5), for tests. */
public final class TestMarkets {
    public static final LocalDate HONG_KONG_MOVE = LocalDate.of(2026, 7, 1);
    public static final LocalDate KAZAKHSTAN_MOVE = LocalDate.of(2026, 10, 1);
    public static final LocalDate ZIMBABWE_MOVE = LocalDate.of(2025, 10, 1);

    private TestMarkets() {}

    public static MarketMap map() {
        return new MarketMap(List.of(
                row("Brazil", "BR", null, null),
                row("India", "IN", null, null),
                row("North America", "US", null, null),
                row("North America", "CA", null, null),
                row("Rest of Latin America", "DO", null, null),
                row("Rest of Latin America", "JM", null, null),
                row("Rest of Latin America", "PR", null, null),
                row("United Kingdom", "GB", null, null),
                row("Russia", "RU", null, null),
                row("Other", "KZ", null, KAZAKHSTAN_MOVE.minusDays(1)),
                row("Kazakhstan", "KZ", KAZAKHSTAN_MOVE, null),
                row("Other", "ZW", null, ZIMBABWE_MOVE.minusDays(1)),
                row("Rest of Africa", "ZW", ZIMBABWE_MOVE, null),
                row("Rest of Asia Pacific", "HK", null, HONG_KONG_MOVE.minusDays(1)),
                row("Hong Kong", "HK", HONG_KONG_MOVE, null),
                row("Rest of Asia Pacific", "PH", null, null),
                row("Rest of Asia Pacific", "SG", null, HONG_KONG_MOVE.minusDays(1)),
                row("Singapore", "SG", HONG_KONG_MOVE, null)));
    }

    private static MarketAssignment row(String market, String iso2, LocalDate from, LocalDate to) {
        return new MarketAssignment(market, iso2, iso2, "", from, to);
    }
}
