package io.wabill.sim.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void conversationBasedMonthsAndUnknownMarketsAreRefused() {
        Quoter q = new Quoter(catalog(), "USD", null, null, false, Assumptions.none());
        assertThrows(IllegalArgumentException.class, () -> q.price(new Volume(YearMonth.of(2025, 6), "Brazil", QuoteCategory.MARKETING, 1)));
        assertThrows(io.wabill.sim.rates.CatalogException.class,
                () -> q.price(new Volume(YearMonth.of(2025, 10), "Atlantis", QuoteCategory.MARKETING, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Assumptions(new BigDecimal("1.5"), BigDecimal.ZERO));
    }
}
