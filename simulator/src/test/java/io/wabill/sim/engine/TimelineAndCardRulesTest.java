package io.wabill.sim.engine;

import static io.wabill.sim.domain.TemplateCategory.MARKETING;
import static io.wabill.sim.domain.TemplateCategory.UTILITY;
import static io.wabill.sim.engine.EngineHarness.BRAZIL;
import static io.wabill.sim.engine.EngineHarness.INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.account.Account;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.Regime;
import io.wabill.sim.engine.EngineHarness.Line;
import io.wabill.sim.rates.CatalogException;
import io.wabill.sim.rates.CoveragePeriod;
import io.wabill.sim.rates.CoverageStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The regime timeline (G1) and the card in force (G2, G2a). */
class TimelineAndCardRulesTest {
    private final EngineHarness h = new EngineHarness();

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource({
        "NBP,    CBP1,  2022-01-31T15:00:00Z",
        "CBP1,   CBP2,  2023-05-31T15:00:00Z",
        "CBP2,   PMP,   2025-06-30T15:00:00Z",
        "PMP,    PMP26, 2026-09-30T15:00:00Z"})
    void regimeSwitchesAtLocalMidnightOfTheAccount(Regime before, Regime after, String tokyoMidnight) {
        h.zone("Asia/Tokyo");
        long midnight = EngineHarness.at(tokyoMidnight);
        assertEquals(before, h.in(java.time.Instant.ofEpochMilli(midnight - 1).toString(), INDIA).regime());
        assertEquals(after, h.in(tokyoMidnight, INDIA).regime());
    }

    @Test
    void accountsInDifferentZonesSwitchAtTheirOwnMidnight() {
        h.account(new Account("tokyo", ZoneId.of("Asia/Tokyo"), "USD", null, null, Map.of(), null));
        h.account(new Account("ny", ZoneId.of("America/New_York"), "USD", null, null, Map.of(), null));
        h.price(EngineHarness.inbound("2026-09-30T20:00:00Z", INDIA).account("tokyo"));
        h.price(EngineHarness.inbound("2026-09-30T20:00:00Z", BRAZIL).account("ny"));
        Line tokyo = h.price(h.templateMsg("2026-09-30T21:00:00Z", INDIA, UTILITY).account("tokyo"));
        Line ny = h.price(h.templateMsg("2026-09-30T21:00:00Z", BRAZIL, UTILITY).account("ny"));
        assertEquals(Regime.PMP26, tokyo.regime());
        assertEquals(PricingType.REGULAR, tokyo.type(), "E1: utility in the window is charged");
        assertEquals(Regime.PMP, ny.regime());
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, ny.type(), "D3: still 30 September in New York");
    }

    @Test
    void aForcedRegimePricesTheWholeLogUnderIt() {
        h.options(o -> o.withForcedRegime(Regime.PMP26));
        h.in("2024-03-11T00:00:00Z", BRAZIL);
        Line l = h.template("2024-03-11T01:00:00Z", BRAZIL, UTILITY);
        assertEquals(Regime.PMP26, l.regime());
        assertEquals(PricingType.REGULAR, l.type());
        assertEquals("0.01", l.amountText());
    }

    @Test
    void aForcedNbpEvaluatesAtTheSendInstant() {
        h.options(o -> o.withForcedRegime(Regime.NBP));
        h.in("2025-08-01T10:00:00Z", BRAZIL);
        Line l = h.price(h.templateMsg("2025-08-02T09:00:00Z", BRAZIL, UTILITY).deliveredAt("2025-08-02T11:00:00Z"));
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, l.type(), "sent inside the care window (A2, A4)");
    }

    @Test
    void theCardInForceChangesAtTheAccountsLocalMidnight() {
        h.zone("America/New_York");
        h.addCard(EngineHarness.card("USD", "2026-01-01", "India,marketing,1,,0.0600"));
        Line before = h.template("2026-01-01T04:59:59Z", INDIA, MARKETING);
        Line after = h.template("2026-01-01T05:00:00Z", INDIA, MARKETING);
        assertEquals("USD@2020-01-01", before.rateCard());
        assertEquals("0.05", before.amountText());
        assertEquals("USD@2026-01-01", after.rateCard());
        assertEquals("0.06", after.amountText());
    }

    @Test
    void oldHistoryIsNeverPricedWithANewerCard() {
        h.addCard(EngineHarness.card("USD", "2026-01-01", "India,marketing,1,,0.0600"));
        assertEquals("USD@2020-01-01", h.template("2025-12-31T23:59:59Z", INDIA, MARKETING).rateCard());
    }

    @Test
    void aWhatIfCardPricesEverythingWhenTheUserAsksForIt() {
        h.addCard(EngineHarness.card("USD", "2026-01-01", "India,marketing,1,,0.0600"));
        h.options(o -> o.withPinnedCard("USD@2026-01-01"));
        Line l = h.template("2025-08-01T00:00:00Z", INDIA, MARKETING);
        assertEquals("USD@2026-01-01", l.rateCard());
        assertEquals("0.06", l.amountText());
    }

    @Test
    void aWhatIfCardThatIsNotInTheCatalogIsRefused() {
        h.options(o -> o.withPinnedCard("USD@2021-01-01"));
        CatalogException e = assertThrows(CatalogException.class, h::engine);
        assertTrue(e.getMessage().contains("USD@2021-01-01"), e.getMessage());
    }

    @Test
    void aChargeBeforeTheFirstCardIsAnErrorNamingTheFirstCard() {
        h.cards(EngineHarness.card("USD", "2024-01-01", EngineHarness.TEST_CARD));
        PricingException e = assertThrows(PricingException.class, () -> h.template("2023-12-31T23:00:00Z", INDIA, MARKETING));
        assertTrue(e.getMessage().contains("USD@2024-01-01"), e.getMessage());
        assertEquals("timestamp", e.column());
    }

    @Test
    void aCurrencyWithoutCardsIsAnErrorNamingTheCurrency() {
        h.account(new Account("default", ZoneId.of("UTC"), "BRL", null, null, Map.of(), null));
        PricingException e = assertThrows(PricingException.class, () -> h.template("2025-08-01T00:00:00Z", INDIA, MARKETING));
        assertTrue(e.getMessage().contains("BRL"), e.getMessage());
    }

    @Test
    void aFreeMessageNeedsNoCard() {
        h.cards(EngineHarness.card("USD", "2030-01-01", EngineHarness.TEST_CARD));
        h.in("2025-08-01T00:00:00Z", INDIA);
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, h.freeForm("2025-08-01T01:00:00Z", INDIA).type());
    }

    @Test
    void aChargeInAMissingPeriodIsAnErrorNamingCurrencyAndPeriod() {
        h.coverage(new CoveragePeriod("USD", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 12, 31), CoverageStatus.MISSING, "not bundled"));
        PricingException e = assertThrows(PricingException.class, () -> h.template("2025-08-01T00:00:00Z", INDIA, MARKETING));
        assertTrue(e.getMessage().contains("USD") && e.getMessage().contains("2025-02-01 to 2025-12-31"), e.getMessage());
    }

    @Test
    void allowingTheStaleCardPricesWithTheNewestOlderCardAndSaysSo() {
        h.coverage(new CoveragePeriod("USD", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 12, 31), CoverageStatus.MISSING, ""));
        h.options(o -> o.withAllowStaleCard(true));
        Line l = h.template("2025-08-01T00:00:00Z", INDIA, MARKETING);
        assertEquals(PricingType.REGULAR, l.type());
        assertEquals("USD@2020-01-01", l.rateCard());
        assertTrue(l.note().contains("stale-card"), l.note());
    }

    @Test
    void aListOnlyPeriodPricesTieredCategoriesAtTheFirstBandAndSaysSo() {
        h.coverage(new CoveragePeriod("USD", LocalDate.of(2020, 1, 1), null, CoverageStatus.LIST_ONLY, ""));
        for (int i = 0; i < 3; i++) h.template("2025-08-05T0" + i + ":00:00Z", BRAZIL, UTILITY);
        Line fourth = h.template("2025-08-05T05:00:00Z", BRAZIL, UTILITY);
        assertEquals("0.01", fourth.amountText(), "the bands are unknown, so the first band");
        assertTrue(fourth.note().contains("tiers-unknown"), fourth.note());
        Line marketing = h.template("2025-08-05T06:00:00Z", BRAZIL, MARKETING);
        assertTrue(!marketing.note().contains("tiers-unknown"), "marketing is not tiered: " + marketing.note());
    }
}
