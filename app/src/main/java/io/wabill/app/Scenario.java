package io.wabill.app;

import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.strategy.StrategyChain;

/**
 * One scenario of a comparison: a strategy chain under pricing options (regime, card and the rest), and the index of
 * its baseline: {@code as-logged} under the same regime and card, which its delta is taken against.
 */
public record Scenario(String name, StrategyChain chain, PricingOptions pricing, int baseline) {
    /** {@code strategy | regime | card}, with "timeline" and "card in force" for the defaults. */
    public static String describe(StrategyChain chain, PricingOptions p) {
        return chain.spec() + " | " + regimeLabel(p) + " | " + cardLabel(p);
    }

    /** The regime the scenario is priced under: a forced one, or "timeline" (G1). */
    public static String regimeLabel(PricingOptions p) { return p.forcedRegime() == null ? "timeline" : p.forcedRegime().label(); }

    /** The card the scenario is priced with: a pinned one, or "card in force" (G2). */
    public static String cardLabel(PricingOptions p) { return p.pinnedCard() == null ? "card in force" : p.pinnedCard(); }

    /** {@code regime | card}: the rules a scenario used. */
    public String rules() { return regimeLabel(pricing) + " | " + cardLabel(pricing); }

    boolean isBaseline(int index) { return baseline == index; }
}
