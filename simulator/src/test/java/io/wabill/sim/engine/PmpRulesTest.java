package io.wabill.sim.engine;

import static io.wabill.sim.domain.TemplateCategory.AUTHENTICATION;
import static io.wabill.sim.domain.TemplateCategory.MARKETING;
import static io.wabill.sim.domain.TemplateCategory.UTILITY;
import static io.wabill.sim.engine.EngineHarness.BRAZIL;
import static io.wabill.sim.engine.EngineHarness.BRAZIL_2;
import static io.wabill.sim.engine.EngineHarness.HONG_KONG;
import static io.wabill.sim.engine.EngineHarness.INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.account.Account;
import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.PricingModel;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.engine.EngineHarness.Line;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-message pricing, 2025-07-01 to 2026-09-30 (PRICING.md D1-D8). */
class PmpRulesTest {
    private final EngineHarness h = new EngineHarness();

    @Test
    void utilityTemplateInsideServiceWindowIsFreeUnderPmp() {
        h.in("2025-08-04T02:00:00Z", BRAZIL);
        Line l = h.template("2025-08-04T04:00:00Z", BRAZIL, UTILITY);
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, l.type());
        assertEquals(BillableCategory.UTILITY, l.billable());
        assertTrue(l.free());
        assertTrue(l.note().contains("D3"), l.note());
    }

    @Test
    void utilityTemplateOutsideServiceWindowIsChargedAtTheFirstBand() {
        Line l = h.template("2025-08-04T04:00:00Z", BRAZIL, UTILITY);
        assertEquals(PricingType.REGULAR, l.type());
        assertEquals("0.01", l.amountText());
        assertEquals("1:3", l.tier());
        assertEquals(PricingModel.PMP, l.model());
        assertEquals("USD@2020-01-01", l.rateCard());
    }

    @Test
    void nonTemplateMessageInsideServiceWindowIsFreeService() {
        h.in("2025-08-04T02:00:00Z", BRAZIL);
        Line l = h.freeForm("2025-08-04T03:00:00Z", BRAZIL);
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, l.type());
        assertEquals(BillableCategory.SERVICE, l.billable());
        assertTrue(l.note().contains("D2"), l.note());
    }

    @Test
    void marketingAndAuthenticationInsideServiceWindowAreCharged() {
        h.in("2025-08-04T02:00:00Z", INDIA);
        Line marketing = h.template("2025-08-04T03:00:00Z", INDIA, MARKETING);
        Line auth = h.template("2025-08-04T04:00:00Z", INDIA, AUTHENTICATION);
        assertEquals(PricingType.REGULAR, marketing.type());
        assertEquals("0.05", marketing.amountText());
        assertEquals("", marketing.tier(), "marketing has no tiers (D6)");
        assertEquals(PricingType.REGULAR, auth.type());
        assertEquals("0.008", auth.amountText());
    }

    @Test
    void firstReplyWithin24HoursOfAnEntryPointOpensA72HourWindowFromTheReply() {
        h.in("2025-10-06T00:00:00Z", BRAZIL, EntryPoint.CTWA);
        Line reply = h.freeForm("2025-10-06T20:00:00Z", BRAZIL);
        Line inside = h.template("2025-10-09T19:59:59Z", BRAZIL, MARKETING);
        Line after = h.template("2025-10-09T20:00:00Z", BRAZIL, MARKETING);
        assertEquals(PricingType.FREE_ENTRY_POINT, reply.type());
        assertEquals(BillableCategory.REFERRAL_CONVERSION, reply.billable());
        assertEquals(PricingType.FREE_ENTRY_POINT, inside.type());
        assertEquals(BillableCategory.REFERRAL_CONVERSION, inside.billable());
        assertEquals(PricingType.REGULAR, after.type(), "the window is half-open (G6)");
    }

    @Test
    void freeEntryPointWindowIsNotRoundedToTheMinute() {
        h.in("2025-10-06T00:00:00Z", BRAZIL, EntryPoint.PAGE_CTA);
        h.freeForm("2025-10-06T02:00:30Z", BRAZIL);
        assertEquals(PricingType.FREE_ENTRY_POINT, h.template("2025-10-09T02:00:29Z", BRAZIL, MARKETING).type());
        assertEquals(PricingType.REGULAR, h.template("2025-10-09T02:00:30Z", BRAZIL, MARKETING).type());
    }

    @Test
    void freeEntryPointWindowLengthIsAnOption() {
        h.options(o -> o.withFepWindow(Duration.ofDays(7)));
        h.in("2025-10-06T00:00:00Z", BRAZIL, EntryPoint.CTWA);
        h.freeForm("2025-10-06T01:00:00Z", BRAZIL);
        assertEquals(PricingType.FREE_ENTRY_POINT, h.template("2025-10-13T00:59:59Z", BRAZIL, MARKETING).type());
        assertEquals(PricingType.REGULAR, h.template("2025-10-13T01:00:00Z", BRAZIL, MARKETING).type());
    }

    @Test
    void aBoostedPostIsNotAFreeEntryPoint() {
        h.in("2025-10-06T00:00:00Z", BRAZIL, EntryPoint.POST);
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, h.freeForm("2025-10-06T01:00:00Z", BRAZIL).type());
        assertEquals(PricingType.REGULAR, h.template("2025-10-06T02:00:00Z", BRAZIL, MARKETING).type());
    }

    @Test
    void chargedMessageNumberNTakesTheBandHoldingNAndFreeMessagesDoNotCount() {
        h.in("2025-08-05T00:00:00Z", BRAZIL_2);
        String[] amounts = new String[7];
        for (int i = 0; i < 3; i++) amounts[i] = h.template("2025-08-05T0" + (i + 1) + ":00:00Z", BRAZIL, UTILITY).amountText();
        assertTrue(h.template("2025-08-05T04:30:00Z", BRAZIL_2, UTILITY).free(), "inside the CSW (D3)");
        for (int i = 3; i < 7; i++) amounts[i] = h.template("2025-08-05T0" + (i + 2) + ":00:00Z", BRAZIL, UTILITY).amountText();
        assertEquals(List.of("0.01", "0.01", "0.01", "0.009", "0.009", "0.008", "0.008"), List.of(amounts));
        assertEquals("6:MAX", h.lines.get(h.lines.size() - 1).tier());
    }

    @Test
    void tierCountersArePerMarketAndPerCategoryFamilyAndResetEachLocalMonth() {
        for (int i = 0; i < 3; i++) h.template("2025-08-05T0" + i + ":00:00Z", BRAZIL, UTILITY);
        assertEquals("0.01", h.template("2025-08-05T05:00:00Z", INDIA, UTILITY).amountText(), "India has its own counter");
        assertEquals("0.008", h.template("2025-08-05T06:00:00Z", BRAZIL, AUTHENTICATION).amountText(),
                "authentication has its own counter");
        assertEquals("0.009", h.template("2025-08-31T23:59:59Z", BRAZIL, UTILITY).amountText());
        assertEquals("0.01", h.template("2025-09-01T00:00:00Z", BRAZIL, UTILITY).amountText(), "a new month");
    }

    @Test
    void authenticationInternationalCountsWithAuthenticationForTiers() {
        h.account(new Account("default", ZoneId.of("UTC"), "USD", "GB", LocalDate.of(2025, 8, 10), Map.of(), null));
        assertEquals("0.008", h.template("2025-08-05T00:00:00Z", BRAZIL, AUTHENTICATION).amountText());
        assertEquals("0.008", h.template("2025-08-06T00:00:00Z", BRAZIL, AUTHENTICATION).amountText());
        Line third = h.template("2025-08-10T00:00:00Z", BRAZIL, AUTHENTICATION);
        assertEquals(BillableCategory.AUTHENTICATION_INTERNATIONAL, third.billable());
        assertEquals("0.028", third.amountText(), "message 3 of the authentication family takes band 3 of its rate");
        assertEquals("3:MAX", third.tier());
    }

    @Test
    void accountsOfOnePortfolioShareTiersEachInItsOwnLocalMonth() {
        h.account(new Account("utc", ZoneId.of("UTC"), "USD", null, null, Map.of(), "P1"));
        h.account(new Account("sp", ZoneId.of("America/Sao_Paulo"), "USD", null, null, Map.of(), "P1"));
        h.price(h.templateMsg("2025-08-20T00:00:00Z", BRAZIL, UTILITY).account("utc"));
        h.price(h.templateMsg("2025-08-21T00:00:00Z", BRAZIL, UTILITY).account("sp"));
        h.price(h.templateMsg("2025-08-22T00:00:00Z", BRAZIL, UTILITY).account("utc"));
        Line spLocalAugust = h.price(h.templateMsg("2025-09-01T01:00:00Z", BRAZIL, UTILITY).account("sp"));
        Line utcSeptember = h.price(h.templateMsg("2025-09-01T01:30:00Z", BRAZIL, UTILITY).account("utc"));
        assertEquals("0.009", spLocalAugust.amountText(), "22:00 on 31 August in Sao Paulo is message 4 of August");
        assertEquals("2025-08", spLocalAugust.localMonth());
        assertEquals("0.01", utcSeptember.amountText());
    }

    @Test
    void accountsOfDifferentPortfoliosDoNotShareTiers() {
        h.account(new Account("a", ZoneId.of("UTC"), "USD", null, null, Map.of(), "P1"));
        h.account(new Account("b", ZoneId.of("UTC"), "USD", null, null, Map.of(), "P2"));
        for (int i = 0; i < 3; i++) h.price(h.templateMsg("2025-08-20T0" + i + ":00:00Z", BRAZIL, UTILITY).account("a"));
        assertEquals("0.01", h.price(h.templateMsg("2025-08-20T05:00:00Z", BRAZIL, UTILITY).account("b")).amountText());
        assertEquals("0.009", h.price(h.templateMsg("2025-08-20T06:00:00Z", BRAZIL, UTILITY).account("a")).amountText());
    }

    @Test
    void aMarketLeavingItsGroupCountsIntoItsOwnNewCounter() {
        String philippines = "639171234567";
        assertEquals("0.02", h.template("2026-07-02T00:00:00Z", philippines, UTILITY).amountText());
        assertEquals("0.02", h.template("2026-07-02T01:00:00Z", philippines, UTILITY).amountText());
        Line hk = h.template("2026-07-02T02:00:00Z", HONG_KONG, UTILITY);
        assertEquals("Hong Kong", hk.market());
        assertEquals("0.012", hk.amountText(), "Hong Kong's first message, not Rest of Asia Pacific's third");
        assertEquals("0.015", h.template("2026-07-02T03:00:00Z", philippines, UTILITY).amountText());
        assertEquals("0.012", h.template("2026-07-02T04:00:00Z", HONG_KONG, UTILITY).amountText());
        assertEquals("0.011", h.template("2026-07-02T05:00:00Z", HONG_KONG, UTILITY).amountText());
    }
}
