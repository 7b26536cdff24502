package io.wabill.sim.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wabill.sim.domain.Regime;
import io.wabill.sim.money.Money;
import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCatalog;
import io.wabill.sim.rates.RateCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked quotes on a card with small bands: utility 1-3 at 0.01, 4-5 at 0.008, 6+ at 0.005. */
class QuoterTest {
    static RateCatalog catalog() {
        EnumMap<RateCategory, Bands> r = new EnumMap<>(RateCategory.class);
        r.put(RateCategory.MARKETING, new Bands(List.of(new Band(1, Long.MAX_VALUE, new BigDecimal("0.05")))));
        r.put(RateCategory.UTILITY, new Bands(List.of(new Band(1, 3, new BigDecimal("0.01")),
                new Band(4, 5, new BigDecimal("0.008")), new Band(6, Long.MAX_VALUE, new BigDecimal("0.005")))));
        r.put(RateCategory.AUTHENTICATION, new Bands(List.of(new Band(1, Long.MAX_VALUE, new BigDecimal("0.02")))));
        return new RateCatalog(List.of(new RateCard("USD", LocalDate.of(2025, 7, 1), "test", Map.of("Brazil", r))),
                List.of(), "test");
    }

    static BigDecimal amount(QuoteLine l) { return Money.toDecimal(l.units()).stripTrailingZeros(); }

    @Test
    void utilityIsPricedOverGraduatedBandsAfterTheAssumedFreeShare() {
        Quoter q = new Quoter(catalog(), "USD", null, null, false, new Assumptions(new BigDecimal("0.3"), BigDecimal.ZERO));
        // PMP (2025-10): 10 utility, 30 % inside the window free (D3): 7 charged = 3 x 0.01 + 2 x 0.008 + 2 x 0.005.
        QuoteLine l = q.price(new Volume(YearMonth.of(2025, 10), "Brazil", QuoteCategory.UTILITY, 10));
        assertEquals(3, l.free());
        assertEquals(7, l.charged());
        assertEquals(new BigDecimal("0.056"), amount(l));
        assertEquals("1:3 x 0.01 = 3; 4:5 x 0.008 = 2; 6:MAX x 0.005 = 2", l.bands());
        // PMP-26 (2026-10): inside the window is charged too (E1): 10 charged = 0.03 + 0.016 + 0.025.
        QuoteLine e1 = q.price(new Volume(YearMonth.of(2026, 10), "Brazil", QuoteCategory.UTILITY, 10));
        assertEquals(0, e1.free());
        assertEquals(new BigDecimal("0.071"), amount(e1));
    }

    @Test
    void serviceIsFreeUnderPmpAndChargedBeyondTheAssumedFreeTierUnderPmp26AtTheUtilityListRateWhenTheCardHasNoServiceRate() {
        Quoter q = new Quoter(catalog(), "USD", null, null, false, new Assumptions(BigDecimal.ZERO, new BigDecimal("0.25")));
        assertEquals(0, q.price(new Volume(YearMonth.of(2025, 10), "Brazil", QuoteCategory.SERVICE, 100)).units());
        QuoteLine l = q.price(new Volume(YearMonth.of(2026, 10), "Brazil", QuoteCategory.SERVICE, 100));
        assertEquals(25, l.free());
        assertEquals(new BigDecimal("0.75"), amount(l)); // 75 x 0.01 (E2, untiered)
    }

    /**
     * A card of 2022-01-01 with conversation rates too, and authentication-international bands whose limits differ
     * from authentication's: authentication 1-4 at 0.02, 5+ at 0.015; international 1-2 at 0.3, 3-6 at 0.2, 7+ at 0.1.
     */
    static RateCatalog conversationCatalog() {
        EnumMap<RateCategory, Bands> r = new EnumMap<>(RateCategory.class);
        r.put(RateCategory.MARKETING, new Bands(List.of(new Band(1, Long.MAX_VALUE, new BigDecimal("0.05")))));
        r.put(RateCategory.UTILITY, new Bands(List.of(new Band(1, Long.MAX_VALUE, new BigDecimal("0.01")))));
        r.put(RateCategory.SERVICE, new Bands(List.of(new Band(1, Long.MAX_VALUE, new BigDecimal("0.004")))));
        r.put(RateCategory.AUTHENTICATION, new Bands(List.of(new Band(1, 4, new BigDecimal("0.02")),
                new Band(5, Long.MAX_VALUE, new BigDecimal("0.015")))));
        r.put(RateCategory.AUTHENTICATION_INTERNATIONAL, new Bands(List.of(new Band(1, 2, new BigDecimal("0.3")),
                new Band(3, 6, new BigDecimal("0.2")), new Band(7, Long.MAX_VALUE, new BigDecimal("0.1")))));
        r.put(RateCategory.USER_INITIATED, new Bands(List.of(new Band(1, Long.MAX_VALUE, new BigDecimal("0.006")))));
        r.put(RateCategory.BUSINESS_INITIATED, new Bands(List.of(new Band(1, Long.MAX_VALUE, new BigDecimal("0.009")))));
        return new RateCatalog(List.of(new RateCard("USD", LocalDate.of(2022, 1, 1), "test", Map.of("India", r))),
                List.of(), "test");
    }

    static Assumptions shares(String fep, String intl, String service, String cbp1Tier) {
        return new Assumptions(BigDecimal.ZERO, new BigDecimal(service), new BigDecimal(fep), new BigDecimal(intl),
                new BigDecimal(cbp1Tier));
    }

    @Test
    void messagesInsideAFreeEntryPointAreFreeAndCountTowardNoBand() {
        Quoter q = new Quoter(catalog(), "USD", null, null, false,
                new Assumptions(new BigDecimal("0.3"), BigDecimal.ZERO, new BigDecimal("0.2"), BigDecimal.ZERO, BigDecimal.ZERO));
        // PMP: 10 utility, 2 in a free entry point (D5), 3 inside the window (D3): 5 charged from band 1 = 3 x 0.01 + 2 x 0.008.
        QuoteLine l = q.price(new Volume(YearMonth.of(2025, 10), "Brazil", QuoteCategory.UTILITY, 10));
        assertEquals(5, l.free());
        assertEquals(5, l.charged());
        assertEquals(new BigDecimal("0.046"), amount(l));
        assertEquals("1:3 x 0.01 = 3; 4:5 x 0.008 = 2", l.bands());
        // Marketing is free in a free entry point too (D4, D5): 8 of 10 charged at 0.05.
        assertEquals(new BigDecimal("0.4"), amount(q.price(new Volume(YearMonth.of(2026, 10), "Brazil", QuoteCategory.MARKETING, 10))));
        // Shares that add up to more than the volume are refused.
        Quoter over = new Quoter(catalog(), "USD", null, null, false,
                new Assumptions(new BigDecimal("0.9"), BigDecimal.ZERO, new BigDecimal("0.2"), BigDecimal.ZERO, BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> over.price(new Volume(YearMonth.of(2025, 10), "Brazil", QuoteCategory.UTILITY, 10)));
    }

    @Test
    void internationalAuthenticationIsSpreadEvenlyThroughTheFamilysCountAndPricedAtItsOwnBands() {
        Quoter q = new Quoter(conversationCatalog(), "USD", null, Regime.PMP, false, shares("0", "0.25", "0", "0"));
        // 8 charged, 2 international spread evenly: up to position p, round(2p/8) half up: positions 2 and 6 (1 by 2, 2 by 6).
        // Stretches by both lists' limits (2, 4, 6, 8): [1,2] 1 intl (band 1 at 0.3) + 1 domestic (0.02);
        // [3,4] 0 intl + 2 domestic (0.02); [5,6] 1 intl (band 3-6 at 0.2) + 1 domestic (5+ at 0.015); [7,8] 2 domestic (0.015).
        QuoteLine l = q.price(new Volume(YearMonth.of(2022, 5), "India", QuoteCategory.AUTHENTICATION, 8));
        assertEquals(8, l.charged());
        assertEquals("1:4 x 0.02 = 3; 5:MAX x 0.015 = 3; international 1:2 x 0.3 = 1; international 3:6 x 0.2 = 1", l.bands());
        assertEquals(new BigDecimal("0.605"), amount(l)); // 0.06 + 0.045 + 0.3 + 0.2
        assertEquals(2, Quoter.spread(2, 6, 8));
        assertEquals(1, Quoter.spread(2, 2, 8)); // 0.5 rounds half up
    }

    @Test
    void conversationBasedMonthsPriceConversationsAtTheListRateWithTheirFreeTiers() {
        Quoter q = new Quoter(conversationCatalog(), "USD", null, null, false, shares("0.1", "0.5", "0.4", "0.25"));
        // CBP-2 (2024-09): 20 authentication conversations, 2 free entry points (C7), 10 international (C8 X1) at 0.3
        // (list rate, no tiers under CBP) and 8 at 0.02.
        QuoteLine auth = q.price(new Volume(YearMonth.of(2024, 9), "India", QuoteCategory.AUTHENTICATION, 20));
        assertEquals(QuoteLine.CONVERSATIONS, auth.unit());
        assertEquals(2, auth.free());
        assertEquals(new BigDecimal("3.16"), amount(auth));
        // Service conversations: 10 free entry points, 40 in the free tier (C5), 50 at 0.004; from 2024-11 all free (C6).
        QuoteLine service = q.price(new Volume(YearMonth.of(2024, 10), "India", QuoteCategory.SERVICE, 100));
        assertEquals(50, service.free());
        assertEquals(new BigDecimal("0.2"), amount(service));
        assertEquals(0, q.price(new Volume(YearMonth.of(2024, 11), "India", QuoteCategory.SERVICE, 100)).units());
        // CBP-1 (2023-01): 100 business-initiated, 10 free entry points (B4), 25 in the first 1,000 (B3), 65 at 0.009.
        QuoteLine cbp1 = q.price(new Volume(YearMonth.of(2023, 1), "India", QuoteCategory.BUSINESS_INITIATED, 100));
        assertEquals(35, cbp1.free());
        assertEquals(new BigDecimal("0.585"), amount(cbp1));
        assertEquals(Regime.CBP1, cbp1.regime());
        // Each regime takes its own categories only.
        assertThrows(IllegalArgumentException.class, () -> q.price(new Volume(YearMonth.of(2023, 1), "India", QuoteCategory.MARKETING, 1)));
        assertThrows(IllegalArgumentException.class, () -> q.price(new Volume(YearMonth.of(2024, 1), "India", QuoteCategory.USER_INITIATED, 1)));
    }

    @Test
    void notificationMonthsAndUnknownMarketsAreRefused() {
        Quoter q = new Quoter(catalog(), "USD", null, null, false, Assumptions.none());
        assertThrows(IllegalArgumentException.class, () -> q.price(new Volume(YearMonth.of(2021, 6), "Brazil", QuoteCategory.MARKETING, 1)));
        assertThrows(io.wabill.sim.rates.CatalogException.class,
                () -> q.price(new Volume(YearMonth.of(2025, 10), "Atlantis", QuoteCategory.MARKETING, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Assumptions(new BigDecimal("1.5"), BigDecimal.ZERO));
    }
}
