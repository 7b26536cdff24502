package io.wabill.data.accounts;

import io.wabill.sim.account.Account;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds an {@link Account} from the text settings of FORMATS.md section 2, shared by {@code accounts.csv},
 * the command-line options and the conformance files' {@code # account} lines. Each bad value throws an
 * {@link IllegalArgumentException} that names the setting and what was expected.
 */
public final class AccountSettings {
    private AccountSettings() {}

    /** Known keys: time_zone, currency, business_country, auth_international_from, auth_international_markets, portfolio. */
    public static Account build(String id, Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (!java.util.List.of("account", "time_zone", "currency", "business_country", "auth_international_from",
                    "auth_international_markets", "portfolio").contains(key))
                throw new IllegalArgumentException("unknown account setting '" + key + "'");
        }
        ZoneId zone = zone(settings.getOrDefault("time_zone", ""));
        String currency = settings.getOrDefault("currency", "").trim().toUpperCase(Locale.ROOT);
        if (currency.isEmpty()) currency = "USD";
        if (!currency.matches("[A-Z]{3}"))
            throw new IllegalArgumentException("currency: expected an ISO 4217 code such as USD, was '" + currency + "'");
        String country = settings.getOrDefault("business_country", "").trim().toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && !country.matches("[A-Z]{2}"))
            throw new IllegalArgumentException("business_country: expected an ISO 3166 alpha-2 code such as GB, was '" + country + "'");
        LocalDate from = date("auth_international_from", settings.getOrDefault("auth_international_from", ""));
        Map<String, LocalDate> byMarket = markets(settings.getOrDefault("auth_international_markets", ""));
        String portfolio = settings.getOrDefault("portfolio", "").trim();
        return new Account(id, zone, currency, country.isEmpty() ? null : country, from, byMarket,
                portfolio.isEmpty() ? id : portfolio);
    }

    public static ZoneId zone(String text) {
        String t = text.trim();
        if (t.isEmpty()) return ZoneId.of("UTC");
        try {
            return ZoneId.of(t);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time_zone: unknown time zone '" + t
                    + "'; expected an IANA name such as America/Sao_Paulo or UTC");
        }
    }

    private static LocalDate date(String key, String text) {
        String t = text.trim();
        if (t.isEmpty()) return null;
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": expected a date YYYY-MM-DD, was '" + t + "'");
        }
    }

    /** {@code India=2024-07-01;Indonesia=2024-06-01}: per-market starts of authentication-international (X2). */
    private static Map<String, LocalDate> markets(String text) {
        Map<String, LocalDate> m = new LinkedHashMap<>();
        if (text.isBlank()) return m;
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("auth_international_markets: expected Market=YYYY-MM-DD;…, was '" + part + "'");
            m.put(part.substring(0, eq).trim(), date("auth_international_markets", part.substring(eq + 1)));
        }
        return m;
    }
}
