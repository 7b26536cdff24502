package io.wabill.sim.engine;

import io.wabill.sim.domain.Regime;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every option PRICING.md names, with its default. Immutable; {@code with…} methods return changed copies.
 *
 * @param forcedRegime       one regime for the whole log (what-if), or null for the timeline (G1)
 * @param pinnedCard         {@code CUR@YYYY-MM-DD} of a card to price everything with (what-if), or null (G2)
 * @param allowStaleCard     price charges in a declared-missing period with the newest older card (G2a)
 * @param fepWindow          the PMP free entry point window (D5), 72 h by default
 * @param usBlock            scope of the marketing block to US numbers (G8)
 * @param nbpBands           graduated or whole-month NBP bands (A3)
 * @param serviceTierScope   per number or per account service free tier (E3)
 * @param nonProfitExemption government / non-profit service exemption until 2027-12-31 (E7)
 * @param expiryBase         delivery or send instant for CBP expiry (B5)
 * @param agentRatePerMillion token rate per currency for agent messages (E6); USD 2.00 by default
 */
public record PricingOptions(Regime forcedRegime, String pinnedCard, boolean allowStaleCard, Duration fepWindow,
                             UsBlockScope usBlock, BandMode nbpBands, ServiceTierScope serviceTierScope,
                             boolean nonProfitExemption, ExpiryBase expiryBase,
                             Map<String, BigDecimal> agentRatePerMillion) {
    public static final BigDecimal AGENT_USD_PER_MILLION = new BigDecimal("2.00");

    public PricingOptions {
        if (fepWindow == null || fepWindow.isNegative() || fepWindow.isZero())
            throw new IllegalArgumentException("the free entry point window must be positive, was " + fepWindow);
        agentRatePerMillion = Map.copyOf(new TreeMap<>(agentRatePerMillion));
    }

    public static PricingOptions defaults() {
        return new PricingOptions(null, null, false, Duration.ofHours(72), UsBlockScope.US, BandMode.GRADUATED,
                ServiceTierScope.NUMBER, false, ExpiryBase.DELIVERY, Map.of("USD", AGENT_USD_PER_MILLION));
    }

    public PricingOptions withForcedRegime(Regime r) {
        return new PricingOptions(r, pinnedCard, allowStaleCard, fepWindow, usBlock, nbpBands, serviceTierScope, nonProfitExemption, expiryBase, agentRatePerMillion);
    }

    public PricingOptions withPinnedCard(String card) {
        return new PricingOptions(forcedRegime, card, allowStaleCard, fepWindow, usBlock, nbpBands, serviceTierScope, nonProfitExemption, expiryBase, agentRatePerMillion);
    }

    public PricingOptions withAllowStaleCard(boolean allow) {
        return new PricingOptions(forcedRegime, pinnedCard, allow, fepWindow, usBlock, nbpBands, serviceTierScope, nonProfitExemption, expiryBase, agentRatePerMillion);
    }

    public PricingOptions withFepWindow(Duration d) {
        return new PricingOptions(forcedRegime, pinnedCard, allowStaleCard, d, usBlock, nbpBands, serviceTierScope, nonProfitExemption, expiryBase, agentRatePerMillion);
    }

    public PricingOptions withUsBlock(UsBlockScope s) {
        return new PricingOptions(forcedRegime, pinnedCard, allowStaleCard, fepWindow, s, nbpBands, serviceTierScope, nonProfitExemption, expiryBase, agentRatePerMillion);
    }

    public PricingOptions withNbpBands(BandMode m) {
        return new PricingOptions(forcedRegime, pinnedCard, allowStaleCard, fepWindow, usBlock, m, serviceTierScope, nonProfitExemption, expiryBase, agentRatePerMillion);
    }

    public PricingOptions withServiceTierScope(ServiceTierScope s) {
        return new PricingOptions(forcedRegime, pinnedCard, allowStaleCard, fepWindow, usBlock, nbpBands, s, nonProfitExemption, expiryBase, agentRatePerMillion);
    }

    public PricingOptions withNonProfitExemption(boolean on) {
        return new PricingOptions(forcedRegime, pinnedCard, allowStaleCard, fepWindow, usBlock, nbpBands, serviceTierScope, on, expiryBase, agentRatePerMillion);
    }

    public PricingOptions withExpiryBase(ExpiryBase b) {
        return new PricingOptions(forcedRegime, pinnedCard, allowStaleCard, fepWindow, usBlock, nbpBands, serviceTierScope, nonProfitExemption, b, agentRatePerMillion);
    }

    public PricingOptions withAgentRate(String currency, BigDecimal perMillion) {
        Map<String, BigDecimal> m = new TreeMap<>(agentRatePerMillion);
        m.put(currency, perMillion);
        return new PricingOptions(forcedRegime, pinnedCard, allowStaleCard, fepWindow, usBlock, nbpBands, serviceTierScope, nonProfitExemption, expiryBase, m);
    }
}
