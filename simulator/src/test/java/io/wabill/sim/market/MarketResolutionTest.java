package io.wabill.sim.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The recipient's market from its number or business-scoped id (G4) through the dated map (G5). */
class MarketResolutionTest {
    private final MarketResolver resolver = new MarketResolver(TestMarkets.map());

    private String marketOn(String customer, String day) {
        return resolver.marketOf(resolver.countryOf(customer), LocalDate.parse(day));
    }

    @ParameterizedTest(name = "{0} is {1} in {2}")
    @CsvSource({
        "14155552671,   US, North America",
        "+12125551234,  US, North America",
        "14165551234,   CA, North America",
        "16045551234,   CA, North America",
        "18095551234,   DO, Rest of Latin America",
        "18295551234,   DO, Rest of Latin America",
        "18495551234,   DO, Rest of Latin America",
        "16585551234,   JM, Rest of Latin America",
        "18765551234,   JM, Rest of Latin America",
        "17875551234,   PR, Rest of Latin America",
        "19395551234,   PR, Rest of Latin America",
        "12425551234,   BS, Other",
        "12465551234,   BB, Other",
        "79161234567,   RU, Russia",
        "73432123456,   RU, Russia",
        "77011234567,   KZ, Other",
        "76001234567,   KZ, Other",
        "447911000001,  GB, United Kingdom",
        "3546110001,    IS, Other",
        "BR.7f3a9c21d0, BR, Brazil",
        "in.a1b2c3,     IN, India",
        "ZZ.a1b2c3,     ZZ, Other"})
    void theMarketIsTheRecipientsCountrysGroup(String customer, String country, String market) {
        assertEquals(country, resolver.countryOf(customer));
        assertEquals(market, marketOn(customer, "2025-08-01"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "15550001111, US",
        "15555550123, US",
        "79991234567, RU",
        "77991234567, KZ"})
    void aNumberWithoutADeterminableCountryTakesItsCallingCodesMainCountryOrKazakhstanFor6And7(String customer, String country) {
        assertEquals(country, resolver.countryOf(customer));
    }

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource({
        "85291234567,  2026-06-30, Rest of Asia Pacific",
        "85291234567,  2026-07-01, Hong Kong",
        "6591234567,   2026-06-30, Rest of Asia Pacific",
        "6591234567,   2026-07-01, Singapore",
        "77011234567,  2026-09-30, Other",
        "77011234567,  2026-10-01, Kazakhstan",
        "263771234567, 2025-09-30, Other",
        "263771234567, 2025-10-01, Rest of Africa"})
    void marketsMoveOnTheirDate(String customer, String day, String market) {
        assertEquals(market, marketOn(customer, day));
    }
}
