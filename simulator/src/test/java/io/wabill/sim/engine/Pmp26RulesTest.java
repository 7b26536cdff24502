package io.wabill.sim.engine;

import static io.wabill.sim.domain.TemplateCategory.MARKETING;
import static io.wabill.sim.domain.TemplateCategory.UTILITY;
import static io.wabill.sim.engine.EngineHarness.BRAZIL;
import static io.wabill.sim.engine.EngineHarness.BRAZIL_2;
import static io.wabill.sim.engine.EngineHarness.INDIA;
import static io.wabill.sim.engine.EngineHarness.OTHER_BUSINESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.account.Account;
import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.engine.EngineHarness.Line;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PMP-26, from 2026-10-01 (PRICING.md E1-E7). */
class Pmp26RulesTest {
    private final EngineHarness h = new EngineHarness();

    /** Sends {@code n} service messages to one customer inside its window, one a second from {@code start}. */
    private void useFreeServiceMessages(int n, String start, String customer, String business) {
        long t0 = Instant.parse(start).toEpochMilli();
        h.price(EngineHarness.inbound(Instant.ofEpochMilli(t0).toString(), customer).business(business));
        for (int i = 1; i <= n; i++) {
            Line l = h.price(h.outbound(Instant.ofEpochMilli(t0 + i * 1000L).toString(), customer, MessageKind.FREE_FORM)
                    .business(business));
            assertEquals(PricingType.FREE_CUSTOMER_SERVICE, l.type(), "service message " + i);
        }
    }

    @Test
    void utilityTemplateInsideServiceWindowIsChargedUnderPmp26() {
        h.in("2026-10-05T00:00:00Z", BRAZIL);
        Line l = h.template("2026-10-05T01:00:00Z", BRAZIL, UTILITY);
        assertEquals(PricingType.REGULAR, l.type());
        assertEquals(BillableCategory.UTILITY, l.billable());
        assertEquals("0.01", l.amountText());
        assertTrue(l.note().contains("E1"), l.note());
    }

    @Test
    void utilityTemplatesInsideTheWindowCountTowardTheUtilityTiers() {
        h.in("2026-10-05T00:00:00Z", BRAZIL);
        for (int i = 1; i <= 3; i++) h.template("2026-10-05T0" + i + ":00:00Z", BRAZIL, UTILITY);
        assertEquals("0.009", h.template("2026-10-05T04:00:00Z", BRAZIL_2, UTILITY).amountText());
    }

    @Test
    void serviceMessageBeyondTheFreeTierIsChargedAtTheServiceRateWithoutTier() {
        useFreeServiceMessages(1000, "2026-10-05T00:00:00Z", BRAZIL, EngineHarness.BUSINESS);
        Line l = h.freeForm("2026-10-05T01:00:00Z", BRAZIL);
        assertEquals(PricingType.REGULAR, l.type());
        assertEquals(BillableCategory.SERVICE, l.billable());
        assertEquals("0.005", l.amountText());
        assertEquals("", l.tier(), "service has no tiers (E2)");
        assertEquals("0.005", h.freeForm("2026-10-05T01:00:01Z", BRAZIL).amountText());
    }

    @Test
    void cardWithoutServiceRateFallsBackToTheUtilityListRate() {
        h.cards(EngineHarness.card("USD", "2020-01-01", String.join("\n",
                "Brazil,utility,1,3,0.0100", "Brazil,utility,4,,0.0090", "Brazil,marketing,1,,0.0500")));
        useFreeServiceMessages(1000, "2026-10-05T00:00:00Z", BRAZIL, EngineHarness.BUSINESS);
        Line l = h.freeForm("2026-10-05T01:00:00Z", BRAZIL);
        assertEquals(BillableCategory.SERVICE, l.billable());
        assertEquals("0.01", l.amountText(), "the utility list rate, the first band");
        assertEquals("", l.tier(), "service is charged without tiers (E2), even at the utility rate");
        assertTrue(l.note().contains("E2"), l.note());
    }

    @Test
    void serviceFreeTierIsCountedPerBusinessNumberByDefault() {
        useFreeServiceMessages(1000, "2026-10-05T00:00:00Z", BRAZIL, EngineHarness.BUSINESS);
        useFreeServiceMessages(1000, "2026-10-05T00:00:00Z", BRAZIL, OTHER_BUSINESS);
        assertEquals(PricingType.REGULAR, h.freeForm("2026-10-05T01:00:00Z", BRAZIL).type());
    }

    @Test
    void serviceFreeTierPerAccountIsSharedByTheAccountsNumbers() {
        h.options(o -> o.withServiceTierScope(ServiceTierScope.ACCOUNT));
        useFreeServiceMessages(600, "2026-10-05T00:00:00Z", BRAZIL, EngineHarness.BUSINESS);
        useFreeServiceMessages(400, "2026-10-05T00:00:00Z", BRAZIL, OTHER_BUSINESS);
        Line l = h.price(h.outbound("2026-10-05T01:00:00Z", BRAZIL, MessageKind.FREE_FORM).business(OTHER_BUSINESS));
        assertEquals(PricingType.REGULAR, l.type(), "message 1,001 of the account");
    }

    @Test
    void serviceFreeTierResetsAtTheAccountsLocalMonth() {
        h.zone("America/Sao_Paulo");
        useFreeServiceMessages(1000, "2026-10-31T20:00:00Z", BRAZIL, EngineHarness.BUSINESS);
        Line octoberLocal = h.freeForm("2026-11-01T02:59:59Z", BRAZIL);
        Line novemberLocal = h.freeForm("2026-11-01T03:00:00Z", BRAZIL);
        assertEquals(PricingType.REGULAR, octoberLocal.type(), "23:59:59 on 31 October in Sao Paulo");
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, novemberLocal.type(), "a new local month");
        assertEquals("2026-11", novemberLocal.localMonth());
    }

    @Test
    void freeEntryPointMessagesReactionsAndAgentMessagesDoNotUseTheServiceAllowance() {
        h.in("2026-10-05T00:00:00Z", BRAZIL, EntryPoint.CTWA);
        assertEquals(PricingType.FREE_ENTRY_POINT, h.freeForm("2026-10-05T00:00:01Z", BRAZIL).type());
        for (int i = 0; i < 5; i++) h.freeForm("2026-10-05T00:01:0" + i + "Z", BRAZIL);
        h.in("2026-10-05T00:00:00Z", INDIA);
        h.reaction("2026-10-05T00:02:00Z", INDIA);
        h.agent("2026-10-05T00:03:00Z", INDIA, 1000);
        useFreeServiceMessages(999, "2026-10-05T01:00:00Z", BRAZIL_2, EngineHarness.BUSINESS);
        Line thousandth = h.freeForm("2026-10-05T02:00:00Z", BRAZIL_2);
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, thousandth.type());
        assertTrue(thousandth.note().contains("1000 of 1000"), thousandth.note());
    }

    @Test
    void serviceMessagesInsideAFreeEntryPointWindowAreFreeEntryPoint() {
        h.in("2026-10-05T00:00:00Z", BRAZIL, EntryPoint.CTWA);
        h.template("2026-10-05T01:00:00Z", BRAZIL, UTILITY);
        Line service = h.freeForm("2026-10-05T02:00:00Z", BRAZIL);
        Line utility = h.template("2026-10-06T02:00:00Z", BRAZIL, UTILITY);
        assertEquals(PricingType.FREE_ENTRY_POINT, service.type());
        assertEquals(PricingType.FREE_ENTRY_POINT, utility.type(), "E5: the FEP window stays free for every category");
    }

    @Test
    void reactionsAreFreeUnderPmp26() {
        h.in("2026-10-05T00:00:00Z", INDIA);
        Line l = h.reaction("2026-10-05T01:00:00Z", INDIA);
        assertEquals(PricingType.FREE_REACTION, l.type());
        assertEquals(BillableCategory.NONE, l.billable());
        assertTrue(l.note().contains("E4"), l.note());
    }

    @Test
    void reactionsUnderPmpAreFreeServiceMessages() {
        h.in("2026-09-05T00:00:00Z", INDIA);
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, h.reaction("2026-09-05T01:00:00Z", INDIA).type());
    }

    @Test
    void agentMessagesCostTheirTokensAtTwoDollarsPerMillionEvenInsideTheWindows() {
        h.in("2026-10-05T00:00:00Z", BRAZIL, EntryPoint.CTWA);
        h.freeForm("2026-10-05T00:30:00Z", BRAZIL);
        Line l = h.agent("2026-10-05T01:00:00Z", BRAZIL, 25_000);
        assertEquals(PricingType.REGULAR, l.type());
        assertEquals(BillableCategory.BUSINESS_AGENT, l.billable());
        assertEquals("0.05", l.amountText());
        assertEquals(0, new BigDecimal("0.000002").compareTo(l.rate()), "the rate column is per token");
    }

    @Test
    void agentMessagesAreChargedByTokensFromAugust2026WhateverTheRegime() {
        h.in("2026-07-31T23:00:00Z", INDIA);
        Line july = h.agent("2026-07-31T23:59:59Z", INDIA, 1_000_000);
        Line august = h.agent("2026-08-01T00:00:00Z", INDIA, 1_000_000);
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, july.type(), "before 2026-08-01 an agent message is a service message (D2)");
        assertEquals(PricingType.REGULAR, august.type());
        assertEquals("2", august.amountText());
    }

    @Test
    void agentMessageInAnotherCurrencyNeedsItsTokenRate() {
        h.cards(EngineHarness.card("USD", "2020-01-01", EngineHarness.TEST_CARD),
                EngineHarness.card("EUR", "2020-01-01", EngineHarness.TEST_CARD));
        h.account(new Account("eu", ZoneId.of("Europe/Berlin"), "EUR", null, null, Map.of(), null));
        h.price(EngineHarness.inbound("2026-10-05T00:00:00Z", INDIA).account("eu"));
        PricingException e = assertThrows(PricingException.class,
                () -> h.price(h.outbound("2026-10-05T01:00:00Z", INDIA, MessageKind.AGENT).tokens(500).account("eu")));
        assertTrue(e.getMessage().contains("EUR"), e.getMessage());
        assertEquals("account", e.column());
    }

    @Test
    void agentTokenRateInAnotherCurrencyCanBeConfigured() {
        h.options(o -> o.withAgentRate("EUR", new BigDecimal("1.80")));
        h.cards(EngineHarness.card("EUR", "2020-01-01", EngineHarness.TEST_CARD));
        h.account(new Account("eu", ZoneId.of("Europe/Berlin"), "EUR", null, null, Map.of(), null));
        h.price(EngineHarness.inbound("2026-10-05T00:00:00Z", INDIA).account("eu"));
        Line l = h.price(h.outbound("2026-10-05T01:00:00Z", INDIA, MessageKind.AGENT).tokens(500_000).account("eu"));
        assertEquals("0.9", l.amountText());
        assertEquals("EUR", l.currency());
    }

    @Test
    void nonProfitExemptionFreesServiceBeyondTheTierUntilTheEndOf2027() {
        h.options(o -> o.withNonProfitExemption(true));
        useFreeServiceMessages(1000, "2027-12-31T20:00:00Z", BRAZIL, EngineHarness.BUSINESS);
        Line exempt = h.freeForm("2027-12-31T23:59:59Z", BRAZIL);
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, exempt.type());
        assertTrue(exempt.note().contains("E7"), exempt.note());
        useFreeServiceMessages(1000, "2028-01-01T00:00:00Z", BRAZIL_2, EngineHarness.BUSINESS);
        assertEquals(PricingType.REGULAR, h.freeForm("2028-01-01T01:00:00Z", BRAZIL_2).type(), "the exemption ended");
    }

    @Test
    void withoutTheExemptionServiceBeyondTheTierIsCharged() {
        useFreeServiceMessages(1000, "2027-12-31T20:00:00Z", BRAZIL, EngineHarness.BUSINESS);
        assertEquals(PricingType.REGULAR, h.freeForm("2027-12-31T23:59:59Z", BRAZIL).type());
    }

    @Test
    void marketingInsideAFreeEntryPointWindowIsFreeUnderPmp26() {
        h.in("2026-10-05T00:00:00Z", BRAZIL, EntryPoint.PAGE_CTA);
        h.template("2026-10-05T01:00:00Z", BRAZIL, MARKETING);
        assertEquals(PricingType.FREE_ENTRY_POINT, h.template("2026-10-07T01:00:00Z", BRAZIL, MARKETING).type());
    }
}
