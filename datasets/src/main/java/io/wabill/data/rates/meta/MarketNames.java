package io.wabill.data.rates.meta;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches printed market names against the market map. Meta marks new markets with a footnote star
 * ("Kazakhstan*") and spreadsheets change case and spacing, so those differences are ignored; the
 * card always carries the market map's spelling.
 */
final class MarketNames {
    private final Map<String, String> byKey;

    /** {@code known} null accepts every market (no market map to check against). */
    MarketNames(Set<String> known) {
        if (known == null) {
            byKey = null;
            return;
        }
        byKey = new HashMap<>();
        for (String name : known) byKey.put(key(name), name);
    }

    /** The printed name without footnote marks and extra spaces. */
    static String clean(String printed) {
        return Labels.clean(printed).replaceAll("[*†‡]+$", "").trim();
    }

    /** The market map's name for a printed market, or null when the map does not know it. */
    String canonical(String printed) {
        String cleaned = clean(printed);
        if (byKey == null) return cleaned;
        return byKey.get(key(cleaned));
    }

    /** " (did you mean Chile?)" for a misspelt market, or an empty string. */
    String hint(String printed) {
        return byKey == null ? "" : io.wabill.sim.names.Suggestions.hint(clean(printed), byKey.values());
    }

    private static String key(String name) {
        return Labels.clean(name).toLowerCase(Locale.ROOT);
    }
}
