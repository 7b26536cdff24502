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

    public PricingOptions withForcedRegime(Regime r) { return edit().forcedRegime(r).build(); }

    public PricingOptions withPinnedCard(String card) { return edit().pinnedCard(card).build(); }

    public PricingOptions withAllowStaleCard(boolean allow) { return edit().allowStaleCard(allow).build(); }

    public PricingOptions withFepWindow(Duration d) { return edit().fepWindow(d).build(); }

    public PricingOptions withUsBlock(UsBlockScope s) { return edit().usBlock(s).build(); }

    public PricingOptions withNbpBands(BandMode m) { return edit().nbpBands(m).build(); }

    public PricingOptions withServiceTierScope(ServiceTierScope s) { return edit().serviceTierScope(s).build(); }

    public PricingOptions withNonProfitExemption(boolean on) { return edit().nonProfitExemption(on).build(); }

    public PricingOptions withExpiryBase(ExpiryBase b) { return edit().expiryBase(b).build(); }

    public PricingOptions withAgentRate(String currency, BigDecimal perMillion) {
        Map<String, BigDecimal> m = new TreeMap<>(agentRatePerMillion);
        m.put(currency, perMillion);
        return edit().agentRates(m).build();
    }

    private Editor edit() { return new Editor(this); }

    /** A mutable copy, so each {@code with…} method changes one field without restating the others. */
    private static final class Editor {
        private Regime forcedRegime;
        private String pinnedCard;
        private boolean allowStaleCard;
        private Duration fepWindow;
        private UsBlockScope usBlock;
        private BandMode nbpBands;
        private ServiceTierScope serviceTierScope;
        private boolean nonProfitExemption;
        private ExpiryBase expiryBase;
        private Map<String, BigDecimal> agentRates;

        Editor(PricingOptions o) {
            forcedRegime = o.forcedRegime;
            pinnedCard = o.pinnedCard;
            allowStaleCard = o.allowStaleCard;
            fepWindow = o.fepWindow;
            usBlock = o.usBlock;
            nbpBands = o.nbpBands;
            serviceTierScope = o.serviceTierScope;
            nonProfitExemption = o.nonProfitExemption;
            expiryBase = o.expiryBase;
            agentRates = o.agentRatePerMillion;
        }

        Editor forcedRegime(Regime v) { forcedRegime = v; return this; }
        Editor pinnedCard(String v) { pinnedCard = v; return this; }
        Editor allowStaleCard(boolean v) { allowStaleCard = v; return this; }
        Editor fepWindow(Duration v) { fepWindow = v; return this; }
        Editor usBlock(UsBlockScope v) { usBlock = v; return this; }
        Editor nbpBands(BandMode v) { nbpBands = v; return this; }
        Editor serviceTierScope(ServiceTierScope v) { serviceTierScope = v; return this; }
        Editor nonProfitExemption(boolean v) { nonProfitExemption = v; return this; }
        Editor expiryBase(ExpiryBase v) { expiryBase = v; return this; }
        Editor agentRates(Map<String, BigDecimal> v) { agentRates = v; return this; }

        PricingOptions build() {
            return new PricingOptions(forcedRegime, pinnedCard, allowStaleCard, fepWindow, usBlock, nbpBands,
                    serviceTierScope, nonProfitExemption, expiryBase, agentRates);
        }
    }
}
