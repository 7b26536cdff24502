package io.wabill.sim.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * A messaging account (WABA): its time zone decides every month boundary and switch (G1), its currency
 * picks the cards (G2), and its business country and eligibility decide authentication-international
 * (X1, X2). {@code authInternationalFrom} null means not eligible; {@code authInternationalByMarket}
 * overrides the start for single markets.
 */
public record Account(String id, ZoneId zone, String currency, String businessCountry,
                      LocalDate authInternationalFrom, Map<String, LocalDate> authInternationalByMarket,
                      String portfolio) {
    public static final String DEFAULT_ID = "default";

    public Account {
        Objects.requireNonNull(id, "account id");
        Objects.requireNonNull(zone, "time_zone");
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD, was '" + currency + "'");
        if (businessCountry != null && !businessCountry.matches("[A-Z]{2}"))
            throw new IllegalArgumentException("business_country must be an ISO 3166 alpha-2 code such as GB, was '" + businessCountry + "'");
        authInternationalByMarket = authInternationalByMarket == null ? Map.of() : Map.copyOf(authInternationalByMarket);
        if (portfolio == null || portfolio.isEmpty()) portfolio = id;
    }

    public static Account defaults(String id) {
        return new Account(id, ZoneId.of("UTC"), "USD", null, null, Map.of(), id);
    }

    /** Whether authentication templates to {@code market} at {@code instant} may use the international rate (X1, X2). */
    /** As {@link #authInternationalEligible(String, Instant)}, for an instant in epoch milliseconds (no object per call). */
    public boolean authInternationalEligible(String market, long epochMillis) {
        LocalDate start = authInternationalByMarket.getOrDefault(market, authInternationalFrom);
        if (start == null) return false;
        return epochMillis >= start.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    public boolean authInternationalEligible(String market, Instant instant) {
        LocalDate start = authInternationalByMarket.getOrDefault(market, authInternationalFrom);
        if (start == null) return false;
        return !instant.isBefore(start.atStartOfDay(zone).toInstant());
    }
}
