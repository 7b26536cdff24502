package io.wabill.sim.api;

import io.wabill.sim.market.MarketMap;
import io.wabill.sim.rates.RateCatalog;

/**
 * The rate cards and the market map their cards are validated against: what {@link PricingConfig} prices with.
 * {@code io.wabill.data.rates.CatalogLoader} (module {@code datasets}) loads the bundled one or a folder of cards.
 */
public record Catalog(RateCatalog rates, MarketMap markets) {
    public Catalog {
        java.util.Objects.requireNonNull(rates, "rates");
        java.util.Objects.requireNonNull(markets, "markets");
    }
}
