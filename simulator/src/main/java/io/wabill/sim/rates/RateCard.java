package io.wabill.sim.rates;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** One of Meta's cards: rates for one currency from one effective date (local 00:00 of the account, G2). */
public final class RateCard {
    private final String currency;
    private final LocalDate effective;
    private final String source;
    private final Map<String, EnumMap<RateCategory, Bands>> byMarket;
    /** The same bands by market for lookups: a charged message asks once or twice. */
    private final Map<String, EnumMap<RateCategory, Bands>> lookup;
    /** Printed on every charged ledger line, so built once. */
    private final String id;

    public RateCard(String currency, LocalDate effective, String source,
                    Map<String, EnumMap<RateCategory, Bands>> byMarket) {
        this.currency = currency;
        this.effective = effective;
        this.source = source;
        this.byMarket = Collections.unmodifiableMap(new TreeMap<>(byMarket));
        this.lookup = new java.util.HashMap<>(byMarket);
        this.id = currency + "@" + effective;
    }

    public String currency() { return currency; }

    public LocalDate effective() { return effective; }

    /** Where the card was read from, for messages and reports. */
    public String source() { return source; }

    /** The ledger's {@code rate_card} value, {@code CUR@YYYY-MM-DD}. */
    public String id() { return id; }

    /** The bands for a market and category, or null when the card has no such rate. */
    public Bands bands(String market, RateCategory category) {
        EnumMap<RateCategory, Bands> m = lookup.get(market);
        return m == null ? null : m.get(category);
    }

    public boolean hasMarket(String market) { return lookup.containsKey(market); }

    /** True when some market of the card has rates of this category. */
    public boolean hasCategory(RateCategory category) {
        for (Map<RateCategory, Bands> m : byMarket.values()) if (m.containsKey(category)) return true;
        return false;
    }

    public Map<String, EnumMap<RateCategory, Bands>> markets() { return byMarket; }

    @Override public String toString() { return id(); }
}
