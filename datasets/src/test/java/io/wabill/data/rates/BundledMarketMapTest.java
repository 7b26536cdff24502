package io.wabill.data.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.market.MarketResolver;
import io.wabill.sim.rates.CardProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled market map agrees with PRICING.md: shared calling codes (G4) and the dated moves (G5). */
class BundledMarketMapTest {
    static MarketResolver resolver;

    @BeforeAll
    static void load() throws Exception {
        List<CardProblem> problems = new ArrayList<>();
        resolver = new MarketResolver(CatalogLoader.bundledMarkets(problems));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    private static String market(String customer, String day) {
        return resolver.marketOf(resolver.countryOf(customer), LocalDate.parse(day));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "14155552671,   North America",
        "14165551234,   North America",
        "18095551234,   Rest of Latin America",
        "18295551234,   Rest of Latin America",
        "18495551234,   Rest of Latin America",
        "16585551234,   Rest of Latin America",
        "18765551234,   Rest of Latin America",
        "17875551234,   Rest of Latin America",
        "19395551234,   Rest of Latin America",
        "12425551234,   Other",
        "79161234567,   Russia",
        "77011234567,   Other",
        "BR.7f3a9c21d0, Brazil",
        "3546110001,    Other"})
    void sharedCallingCodesFollowTheNumbersCountry(String customer, String market) {
        assertEquals(market, market(customer, "2025-08-01"));
    }

    @ParameterizedTest(name = "{0} moves from {2} to {3} on {1}")
    @CsvSource({
        "263771234567, 2025-10-01, Other,                            Rest of Africa",
        "85291234567,  2026-07-01, Rest of Asia Pacific,             Hong Kong",
        "6591234567,   2026-07-01, Rest of Asia Pacific,             Singapore",
        "36201234567,  2026-07-01, Rest of Central & Eastern Europe, Hungary",
        "48512345678,  2026-07-01, Rest of Central & Eastern Europe, Poland",
        "40712345678,  2026-07-01, Rest of Central & Eastern Europe, Romania",
        "97433123456,  2026-07-01, Rest of Middle East,              Qatar",
        "8801812345678, 2026-10-01, Rest of Asia Pacific,            Bangladesh",
        "9779841234567, 2026-10-01, Rest of Asia Pacific,            Nepal",
        "94712345678,  2026-10-01, Rest of Asia Pacific,             Sri Lanka",
        "9647912345678, 2026-10-01, Rest of Middle East,             Iraq",
        "96550012345,  2026-10-01, Rest of Middle East,              Kuwait",
        "96892123456,  2026-10-01, Rest of Middle East,              Oman",
        "212650123456, 2026-10-01, Rest of Africa,                   Morocco",
        "380501234567, 2026-10-01, Rest of Central & Eastern Europe, Ukraine",
        "77011234567,  2026-10-01, Other,                            Kazakhstan"})
    void marketsMoveOnTheirDate(String customer, String day, String before, String after) {
        assertEquals(before, market(customer, LocalDate.parse(day).minusDays(1).toString()));
        assertEquals(after, market(customer, day));
    }
}
