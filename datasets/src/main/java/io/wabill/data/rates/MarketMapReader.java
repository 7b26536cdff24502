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
        CsvFiles.Table t = CsvFiles.read(in);
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

    /** A country in two markets on one day would make pricing depend on row order. */
    private static void checkOverlaps(List<MarketAssignment> rows, String file, List<CardProblem> problems) {
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                MarketAssignment a = rows.get(i), b = rows.get(j);
                if (!a.iso2().equals(b.iso2())) continue;
                LocalDate aFrom = a.validFrom() == null ? LocalDate.MIN : a.validFrom();
                LocalDate aTo = a.validTo() == null ? LocalDate.MAX : a.validTo();
                LocalDate bFrom = b.validFrom() == null ? LocalDate.MIN : b.validFrom();
                LocalDate bTo = b.validTo() == null ? LocalDate.MAX : b.validTo();
                if (!aFrom.isAfter(bTo) && !bFrom.isAfter(aTo))
                    problems.add(new CardProblem(file, 0, "iso2", a.iso2() + " is in " + a.market() + " and "
                            + b.market() + " on overlapping dates"));
            }
        }
    }

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
