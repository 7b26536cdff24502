package io.wabill.cli;

import io.wabill.app.UserException;
import io.wabill.sim.market.MarketAssignment;
import io.wabill.sim.market.MarketMap;
import io.wabill.sim.names.Suggestions;
import io.wabill.sim.rates.RateCard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the market a person means: a market name in any case ({@code brazil}), or a country (its English name,
 * {@code "United States"}, or ISO code {@code US}) mapped to its market on the day (G4, G5). A name that is neither
 * is an error with the closest names.
 */
final class MarketLookup {
    /** The market and, when the user named a country, that country's name. */
    record Found(String market, String country) {}

    private MarketLookup() {}

    static Found find(String typed, RateCard card, MarketMap map, LocalDate day) {
        String t = typed.strip();
        for (String m : card.markets().keySet()) if (m.equalsIgnoreCase(t)) return new Found(m, null);
        Map<String, String> countries = countries(map, day);
        for (Map.Entry<String, String> c : countries.entrySet()) {
            if (c.getKey().equalsIgnoreCase(t) || c.getValue().equalsIgnoreCase(t)) {
                String market = map.marketOf(c.getValue(), day);
                if (card.hasMarket(market)) return new Found(market, c.getKey());
                throw new UserException(c.getKey() + " is in market " + market + " on " + day + ", which card "
                        + card.id() + " does not list");
            }
        }
        List<String> names = new ArrayList<>(card.markets().keySet());
        names.addAll(countries.keySet());
        throw new UserException("no market or country '" + typed + "'" + Suggestions.hint(t, names) + "; card " + card.id()
                + " lists: " + String.join(", ", card.markets().keySet()) + " (a country's name or ISO code finds its market too)");
    }

    /** English country name → ISO code: every country Java knows, and the market map's own names. */
    private static Map<String, String> countries(MarketMap map, LocalDate day) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (MarketAssignment a : map.rows()) if (a.validOn(day) && a.countryName() != null) byName.put(a.countryName(), a.iso2());
        for (String iso : Locale.getISOCountries())
            byName.putIfAbsent(new Locale("", iso).getDisplayCountry(Locale.ENGLISH), iso);
        return byName;
    }
}
