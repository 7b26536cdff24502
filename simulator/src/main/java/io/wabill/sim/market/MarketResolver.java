package io.wabill.sim.market;

import java.time.LocalDate;

/** A recipient's market on a local day: its country (G4) through the effective-dated map (G5). */
public final class MarketResolver {
    private final CountryResolver countries;
    private final MarketMap map;

    public MarketResolver(MarketMap map) {
        this(map, new CountryResolver());
    }

    public MarketResolver(MarketMap map, CountryResolver countries) {
        this.map = map;
        this.countries = countries;
    }

    public String countryOf(String customer) { return countries.countryOf(customer); }

    /** {@link CountryResolver#countryIndex}: the customer's country as an index, with its number key at hand. */
    public int countryIndex(String customer, long numberKey) { return countries.countryIndex(customer, numberKey); }

    /** {@link CountryResolver#countryName}: the country of an index {@link #countryIndex} gave, or null for 0. */
    public String countryName(int index) { return countries.countryName(index); }

    public String marketOf(String country, LocalDate day) { return map.marketOf(country, day); }

    /** As {@link MarketMap#marketOf(String, LocalDate, long[])}: the market and the span of days it holds for. */
    public String marketOf(String country, LocalDate day, long[] span) { return map.marketOf(country, day, span); }

    public MarketMap map() { return map; }

    public CountryResolver countries() { return countries; }
}
