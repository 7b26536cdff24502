package io.wabill.data.rates;

import io.wabill.sim.market.MarketMap;
import io.wabill.sim.rates.RateCatalog;

/** A loaded rate catalog and the market map its cards are validated against. */
public record Catalog(RateCatalog rates, MarketMap markets) {}
