package io.wabill.data.rates;

import io.wabill.data.io.ModelBounds;
import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.CardProblem;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCategory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a card in the normalized long form, {@code meta-rates-<CUR>-<YYYY-MM-DD>.csv} with the columns
 * {@code market,currency,category,tier_from,tier_to,rate} (FORMATS.md section 3), and validates it whole:
 * every problem is collected, and a card with any problem is not returned.
 */
public final class NormalizedCardReader {
    public static final Pattern FILE_NAME = Pattern.compile("meta-rates-([A-Z]{3})-(\\d{4}-\\d{2}-\\d{2})\\.csv");
    static final List<String> COLUMNS = List.of("market", "currency", "category", "tier_from", "tier_to", "rate");

    private NormalizedCardReader() {}

    public static boolean isNormalizedName(String fileName) { return FILE_NAME.matcher(fileName).matches(); }

    public static RateCard read(InputStream in, String file, String fileName, Set<String> knownMarkets,
                                List<CardProblem> problems) throws IOException {
        int before = problems.size();
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            problems.add(new CardProblem(file, 0, "", "a normalized card is named meta-rates-<CUR>-<YYYY-MM-DD>.csv"));
            return null;
        }
        String currency = name.group(1);
        LocalDate effective;
        try {
            effective = LocalDate.parse(name.group(2));
        } catch (DateTimeParseException e) {
            problems.add(new CardProblem(file, 0, "", "the file name's date " + name.group(2) + " is not a date"));
            return null;
        }
        CsvFiles.Table t = CsvFiles.readOrReport(in, file, problems);
        if (t == null) return null;
        for (String c : COLUMNS)
            if (!t.header().contains(c)) problems.add(new CardProblem(file, 1, c, "the card lacks the column " + c));
        if (problems.size() > before) return null;

        Map<String, Map<RateCategory, List<Band>>> bands = new TreeMap<>();
        Map<String, Long> bandLines = new HashMap<>();
        // An unknown market is one problem however many rows it has: its first line, the others counted.
        Map<String, List<Long>> unknown = new java.util.LinkedHashMap<>();
        for (CsvFiles.Row r : t.rows()) {
            String market = r.get("market");
            if (!knownMarkets.contains(market)) {
                unknown.computeIfAbsent(market, k -> new ArrayList<>()).add(r.line());
                continue;
            }
            if (!currency.equals(r.get("currency")))
                problems.add(new CardProblem(file, r.line(), "currency", "the row says '" + r.get("currency")
                        + "' but the card is " + currency));
            RateCategory category = RateCategory.parse(r.get("category"));
            if (category == null) {
                problems.add(new CardProblem(file, r.line(), "category", "unknown category '" + r.get("category") + "'"));
                continue;
            }
            Band band = band(r, file, problems);
            if (band == null) continue;
            bands.computeIfAbsent(market, k -> new EnumMap<>(RateCategory.class))
                    .computeIfAbsent(category, k -> new ArrayList<>()).add(band);
            bandLines.put(market + "|" + category + "|" + band.from(), r.line());
        }
        for (Map.Entry<String, List<Long>> u : unknown.entrySet()) {
            int more = u.getValue().size() - 1;
            problems.add(new CardProblem(file, u.getValue().get(0), "market", "unknown market '" + u.getKey()
                    + "' (not in the market map)" + io.wabill.sim.names.Suggestions.hint(u.getKey(), knownMarkets)
                    + (more == 0 ? "" : "; " + more + " more row" + (more == 1 ? "" : "s") + " name it")));
        }
        Map<String, EnumMap<RateCategory, Bands>> byMarket = new TreeMap<>();
        for (var m : bands.entrySet()) {
            EnumMap<RateCategory, Bands> cats = new EnumMap<>(RateCategory.class);
            for (var c : m.getValue().entrySet()) {
                Bands b = BandChecks.check(c.getValue(), file, m.getKey(), c.getKey(), bandLines, problems);
                if (b != null) cats.put(c.getKey(), b);
            }
            byMarket.put(m.getKey(), cats);
        }
        if (problems.size() > before) return null;
        return new RateCard(currency, effective, fileName, byMarket);
    }

    private static Band band(CsvFiles.Row r, String file, List<CardProblem> problems) {
        long from, to;
        try {
            String f = r.get("tier_from");
            from = f.isEmpty() ? 1 : Long.parseLong(f);
            if (from == 0) from = 1; // Meta's files start the first band at 0
            String tt = r.get("tier_to");
            to = tt.isEmpty() ? Long.MAX_VALUE : Long.parseLong(tt);
        } catch (NumberFormatException e) {
            problems.add(new CardProblem(file, r.line(), "tier_from", "tier bounds must be whole numbers, were '"
                    + r.get("tier_from") + "' and '" + r.get("tier_to") + "'"));
            return null;
        }
        if (from < 0 || to < from) {
            problems.add(new CardProblem(file, r.line(), "tier_to", "a band must run from tier_from >= 1 to tier_to >= tier_from, was "
                    + from + ".." + (to == Long.MAX_VALUE ? "open" : to)));
            return null;
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(r.get("rate"));
        } catch (NumberFormatException e) {
            problems.add(new CardProblem(file, r.line(), "rate", "expected a decimal rate, was '" + r.get("rate") + "'"));
            return null;
        }
        String wrong = ModelBounds.checkRate(rate);
        if (wrong != null) {
            problems.add(new CardProblem(file, r.line(), "rate", wrong));
            return null;
        }
        return new Band(from, to, rate);
    }
}
