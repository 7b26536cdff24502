package io.wabill.cli;

import io.wabill.app.UserException;

import io.wabill.sim.domain.Regime;
import io.wabill.sim.engine.BandMode;
import io.wabill.sim.engine.ExpiryBase;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.engine.ServiceTierScope;
import io.wabill.sim.engine.UsBlockScope;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The rate catalog and every option PRICING.md names, with its default. */
public final class PricingOptionsMixin {
    @Option(names = "--rates", paramLabel = "DIR|FILE", description = "rate cards to use instead of the bundled catalog: a folder (with markets.csv and coverage.csv if it has them) or one card file")
    Path rates;

    @Option(names = "--regime", paramLabel = "NAME", converter = RegimeConverter.class, description = "price the whole log under one regime (what-if): NBP, CBP-1, CBP-2, PMP, PMP-26; default: the timeline (G1)")
    Regime regime;

    @Option(names = "--card", paramLabel = "CUR@DATE", description = "price everything with this card (what-if), e.g. USD@2026-10-01; default: the card in force (G2)")
    String card;

    @Option(names = "--allow-stale-card", description = "price charges in a period the catalog declares missing with the newest older card, noted stale-card (G2a)")
    boolean allowStaleCard;

    @Option(names = "--fep-window", paramLabel = "DURATION", description = "PMP free entry point window (D5), e.g. 72h or 7d; default: ${DEFAULT-VALUE}", defaultValue = "72h", converter = DurationConverter.class)
    Duration fepWindow;

    @Option(names = "--us-block", paramLabel = "SCOPE", description = "marketing block from 2025-04-01 (G8): ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}", defaultValue = "US")
    UsBlockScope usBlock;

    @Option(names = "--nbp-bands", paramLabel = "MODE", description = "NBP volume bands (A3): ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}", defaultValue = "GRADUATED")
    BandMode nbpBands;

    @Option(names = "--service-tier-scope", paramLabel = "SCOPE", description = "PMP-26 service free tier counted per (E3): ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}", defaultValue = "NUMBER")
    ServiceTierScope serviceTierScope;

    @Option(names = "--non-profit", description = "government / non-profit exemption: service messages beyond the free tier are free until 2027-12-31 (E7)")
    boolean nonProfit;

    @Option(names = "--expiry-base", paramLabel = "BASE", description = "instant a CBP conversation's expiry is rounded from (B5): ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}", defaultValue = "DELIVERY")
    ExpiryBase expiryBase;

    @Option(names = "--agent-rate", paramLabel = "CUR=RATE", description = "token rate per million tokens for agent messages in a currency (E6); USD=2.00 is built in")
    Map<String, BigDecimal> agentRates = new LinkedHashMap<>();

    public PricingOptions options() {
        PricingOptions o = PricingOptions.defaults()
                .withForcedRegime(regime)
                .withPinnedCard(card)
                .withAllowStaleCard(allowStaleCard)
                .withFepWindow(fepWindow)
                .withUsBlock(usBlock)
                .withNbpBands(nbpBands)
                .withServiceTierScope(serviceTierScope)
                .withNonProfitExemption(nonProfit)
                .withExpiryBase(expiryBase);
        for (var e : agentRates.entrySet()) {
            if (e.getValue().signum() < 0) throw new UserException("--agent-rate " + e.getKey() + " must be >= 0");
            o = o.withAgentRate(e.getKey().trim().toUpperCase(java.util.Locale.ROOT), e.getValue());
        }
        return o;
    }
}
