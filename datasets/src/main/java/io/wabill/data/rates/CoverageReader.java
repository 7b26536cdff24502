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
        CsvFiles.Table t = CsvFiles.read(in);
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
        for (int i = 0; i < periods.size(); i++)
            for (int j = i + 1; j < periods.size(); j++) {
                CoveragePeriod a = periods.get(i), b = periods.get(j);
                if (!a.currency().equals(b.currency())) continue;
                LocalDate aFrom = a.from() == null ? LocalDate.MIN : a.from(), aTo = a.to() == null ? LocalDate.MAX : a.to();
                LocalDate bFrom = b.from() == null ? LocalDate.MIN : b.from(), bTo = b.to() == null ? LocalDate.MAX : b.to();
                if (!aFrom.isAfter(bTo) && !bFrom.isAfter(aTo))
                    problems.add(new CardProblem(file, 0, "from", "coverage periods " + a.describe() + " and "
                            + b.describe() + " overlap"));
            }
        return periods;
    }
}
