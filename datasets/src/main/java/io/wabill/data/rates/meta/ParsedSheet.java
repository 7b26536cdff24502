package io.wabill.data.rates.meta;

import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.RateCategory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one Meta file holds once read: its card's currency and date, and bands per market and category. */
final class ParsedSheet {
    enum Kind { RATES, TIERS }

    private final String name;
    private final Kind kind;
    private final SheetIssues issues;
    private String currency;
    private long currencyLine;
    private LocalDate effective;
    private final Map<String, EnumMap<RateCategory, List<RawBand>>> raw = new LinkedHashMap<>();
    private final Map<String, Long> marketLines = new LinkedHashMap<>();
    private final Set<String> unknown = new HashSet<>();
    private Map<String, EnumMap<RateCategory, List<Band>>> checked = Map.of();

    ParsedSheet(String name, Kind kind, SheetIssues issues) {
        this.name = name;
        this.kind = kind;
        this.issues = issues;
    }

    String name() { return name; }

    Kind kind() { return kind; }

    SheetIssues issues() { return issues; }

    String currency() { return currency; }

    LocalDate effective() { return effective; }

    void setEffective(LocalDate effective) { this.effective = effective; }

    void setCurrency(String currency, long line) {
        this.currency = currency;
        this.currencyLine = line;
    }

    /**
     * Checks a Currency cell against the card's currency; the first readable cell sets it when no title
     * named one.
     */
    void checkCurrency(String printed, long line, String column) {
        if (printed.isEmpty()) return;
        if (currency == null) {
            String code = Currencies.code(printed);
            if (code == null) issues.add(line, column, "cannot tell which currency '" + printed + "' is");
            else setCurrency(code, line);
        } else if (!Currencies.agrees(printed, currency)) {
            issues.add(line, column, "currency '" + printed + "' differs from the card's " + currency
                    + (currencyLine > 0 ? " (line " + currencyLine + ")" : ""));
        }
    }

    /** Remembers where a market first appears, for problems about the market as a whole. */
    void noteMarket(String market, long line) {
        marketLines.putIfAbsent(market, line);
    }

    /** A market the market map does not know: reported once, and not again when the files are paired. */
    void markUnknown(String market) { unknown.add(market); }

    boolean isUnknown(String market) { return unknown.contains(market); }

    Long lineOf(String market) { return marketLines.get(market); }

    boolean hasMarket(String market) { return marketLines.containsKey(market); }

    void add(String market, RateCategory category, RawBand band) {
        noteMarket(market, band.line());
        raw.computeIfAbsent(market, m -> new EnumMap<>(RateCategory.class))
                .computeIfAbsent(category, c -> new ArrayList<>()).add(band);
    }

    Map<String, EnumMap<RateCategory, List<RawBand>>> raw() { return raw; }

    /** The bands after {@link BandChecker}: only (market, category) pairs whose bands passed. */
    Map<String, EnumMap<RateCategory, List<Band>>> checked() { return checked; }

    void setChecked(Map<String, EnumMap<RateCategory, List<Band>>> checked) { this.checked = checked; }

    boolean clean() { return issues.count() == 0; }
}
