package io.wabill.data.rates.meta;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns the currency Meta prints ({@code $US}, {@code USD}, {@code ₹}…) into an ISO 4217 code. */
final class Currencies {
    private static final Map<String, String> SIGNS = Map.ofEntries(
            Map.entry("$US", "USD"), Map.entry("US$", "USD"), Map.entry("U$S", "USD"), Map.entry("USD$", "USD"),
            Map.entry("₹", "INR"), Map.entry("RS", "INR"), Map.entry("RS.", "INR"),
            Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("R$", "BRL"), Map.entry("RP", "IDR"),
            Map.entry("A$", "AUD"), Map.entry("AU$", "AUD"), Map.entry("$AU", "AUD"),
            Map.entry("C$", "CAD"), Map.entry("CA$", "CAD"), Map.entry("$CA", "CAD"),
            Map.entry("MX$", "MXN"), Map.entry("$MX", "MXN"), Map.entry("MEX$", "MXN"),
            Map.entry("COL$", "COP"), Map.entry("$COL", "COP"), Map.entry("S$", "SGD"), Map.entry("SG$", "SGD"),
            Map.entry("HK$", "HKD"), Map.entry("NZ$", "NZD"));
    /** A bare "$" names no single currency; it can only agree with one the title already named. */
    private static final Set<String> DOLLARS = Set.of("USD", "AUD", "CAD", "MXN", "SGD", "HKD", "NZD", "COP",
            "ARS", "CLP");

    private Currencies() {}

    /** The ISO code, or null when the text names no currency unambiguously. */
    static String code(String printed) {
        String t = printed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (t.matches("[A-Z]{3}")) return t;
        return SIGNS.get(t);
    }

    /** Whether a Currency cell is consistent with the card's currency. */
    static boolean agrees(String printed, String code) {
        String c = code(printed);
        if (c != null) return c.equals(code);
        return printed.trim().equals("$") && DOLLARS.contains(code);
    }
}
