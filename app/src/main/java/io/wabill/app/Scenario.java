package io.wabill.app;

import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.strategy.StrategyChain;

/** One scenario of a comparison: a strategy chain under pricing options (regime, card and the rest). */
public record Scenario(String name, StrategyChain chain, PricingOptions pricing) {
    /** {@code strategy | regime | card}, with "timeline" and "in force" for the defaults. */
    public static String describe(StrategyChain chain, PricingOptions p) {
        return chain.spec() + " | " + (p.forcedRegime() == null ? "timeline" : p.forcedRegime().label()) + " | "
                + (p.pinnedCard() == null ? "card in force" : p.pinnedCard());
    }
}
