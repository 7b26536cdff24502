package io.wabill.data.rates;

import io.wabill.sim.market.MarketAssignment;
import io.wabill.sim.market.MarketMap;
import io.wabill.sim.rates.CardProblem;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code markets.csv}: {@code market,country_name,iso2,calling_code,valid_from,valid_to} (FORMATS.md section 3). */
public final class MarketMapReader {
    private MarketMapReader() {}

    public static MarketMap read(InputStream in, String file, List<CardProblem> problems) throws IOException {
        CsvFiles.Table t = CsvFiles.readOrReport(in, file, problems);
        if (t == null) return new MarketMap(List.of());
        for (String c : List.of("market", "iso2", "valid_from", "valid_to"))
            if (!t.header().contains(c)) problems.add(new CardProblem(file, 1, c, "the market map lacks the column " + c));
        List<MarketAssignment> rows = new ArrayList<>();
        for (CsvFiles.Row r : t.rows()) {
            String market = r.get("market"), iso2 = r.get("iso2");
            if (market.isEmpty()) problems.add(new CardProblem(file, r.line(), "market", "a market name is required"));
            if (!iso2.matches("[A-Z]{2}"))
                problems.add(new CardProblem(file, r.line(), "iso2", "expected an ISO 3166 alpha-2 code, was '" + iso2 + "'"));
            LocalDate from = date(r, "valid_from", file, problems), to = date(r, "valid_to", file, problems);
            if (from != null && to != null && to.isBefore(from))
                problems.add(new CardProblem(file, r.line(), "valid_to", "valid_to " + to + " is before valid_from " + from));
            rows.add(new MarketAssignment(market, r.get("country_name"), iso2, r.get("calling_code"), from, to));
        }
        checkOverlaps(rows, file, problems);
        return new MarketMap(rows);
    }

    /**
     * A country in two markets on one day would make pricing depend on row order. Rows are compared within their
     * country in order of start, each with the one reaching furthest before it, so a large file stays linear.
     */
    private static void checkOverlaps(List<MarketAssignment> rows, String file, List<CardProblem> problems) {
        java.util.Map<String, List<MarketAssignment>> byCountry = new java.util.TreeMap<>();
        for (MarketAssignment r : rows) byCountry.computeIfAbsent(r.iso2(), k -> new ArrayList<>()).add(r);
        for (List<MarketAssignment> country : byCountry.values()) {
            country.sort(java.util.Comparator.comparing(MarketMapReader::from));
            MarketAssignment reach = null;
            for (MarketAssignment b : country) {
                if (reach != null && !from(b).isAfter(to(reach)))
                    problems.add(new CardProblem(file, 0, "iso2", b.iso2() + " is in " + reach.market() + " and "
                            + b.market() + " on overlapping dates"));
                if (reach == null || to(b).isAfter(to(reach))) reach = b;
            }
        }
    }

    private static LocalDate from(MarketAssignment a) { return a.validFrom() == null ? LocalDate.MIN : a.validFrom(); }

    private static LocalDate to(MarketAssignment a) { return a.validTo() == null ? LocalDate.MAX : a.validTo(); }

    static LocalDate date(CsvFiles.Row r, String column, String file, List<CardProblem> problems) {
        String v = r.get(column);
        if (v.isEmpty()) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new CardProblem(file, r.line(), column, "expected a date YYYY-MM-DD, was '" + v + "'"));
            return null;
        }
    }
}
