package io.wabill.data.rates;

import io.wabill.sim.rates.CardProblem;
import io.wabill.sim.rates.CoveragePeriod;
import io.wabill.sim.rates.CoverageStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code coverage.csv}: {@code currency,from,to,status,note} (G2a, FORMATS.md section 3). */
public final class CoverageReader {
    private CoverageReader() {}

    public static List<CoveragePeriod> read(InputStream in, String file, List<CardProblem> problems) throws IOException {
        CsvFiles.Table t = CsvFiles.readOrReport(in, file, problems);
        if (t == null) return List.of();
        List<CoveragePeriod> periods = new ArrayList<>();
        for (CsvFiles.Row r : t.rows()) {
            String currency = r.get("currency");
            if (!currency.matches("[A-Z]{3}")) {
                problems.add(new CardProblem(file, r.line(), "currency", "expected an ISO 4217 code, was '" + currency + "'"));
                continue;
            }
            CoverageStatus status = CoverageStatus.parse(r.get("status"));
            if (status == null) {
                problems.add(new CardProblem(file, r.line(), "status", "expected complete, list_only or missing, was '"
                        + r.get("status") + "'"));
                continue;
            }
            LocalDate from = MarketMapReader.date(r, "from", file, problems);
            LocalDate to = MarketMapReader.date(r, "to", file, problems);
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(new CardProblem(file, r.line(), "to", "'to' " + to + " is before 'from' " + from));
                continue;
            }
            periods.add(new CoveragePeriod(currency, from, to, status, r.get("note")));
        }
        // Compared within each currency in order of start, each with the period reaching furthest before it.
        java.util.Map<String, List<CoveragePeriod>> byCurrency = new java.util.TreeMap<>();
        for (CoveragePeriod p : periods) byCurrency.computeIfAbsent(p.currency(), k -> new ArrayList<>()).add(p);
        for (List<CoveragePeriod> list : byCurrency.values()) {
            list.sort(java.util.Comparator.comparing(CoverageReader::from));
            CoveragePeriod reach = null;
            for (CoveragePeriod b : list) {
                if (reach != null && !from(b).isAfter(to(reach)))
                    problems.add(new CardProblem(file, 0, "from", "coverage periods " + reach.describe() + " and "
                            + b.describe() + " overlap"));
                if (reach == null || to(b).isAfter(to(reach))) reach = b;
            }
        }
        return periods;
    }

    private static LocalDate from(CoveragePeriod p) { return p.from() == null ? LocalDate.MIN : p.from(); }

    private static LocalDate to(CoveragePeriod p) { return p.to() == null ? LocalDate.MAX : p.to(); }
}
