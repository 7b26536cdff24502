package io.wabill.spark;

import io.wabill.report.CsvDialect;
import io.wabill.report.CsvWriter;
import io.wabill.report.LedgerFormat;
import io.wabill.report.SummaryTable;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code summary.csv} from the tasks' summary cells: the cells of independent portfolios add up (exact units,
 * {@link Money#add}), under {@link SummaryTable}'s key order, columns and decimals, so the file is the bytes
 * {@code simulate} writes for the same ledger.
 */
final class SummaryCsv {
    private final TreeMap<SummaryTable.Key, long[]> cells = new TreeMap<>();

    void add(PartitionReport.Cell c) {
        long[] v = cells.computeIfAbsent(new SummaryTable.Key(c.month(), c.account(), c.market(), c.billable(), c.type(),
                c.currency()), k -> new long[2]);
        v[0] += c.messages();
        v[1] = Money.add(v[1], c.units());
    }

    /** Total amount per currency, in units. */
    Map<String, Long> totals() {
        Map<String, Long> t = new TreeMap<>();
        for (var e : cells.entrySet()) t.merge(e.getKey().currency(), e.getValue()[1], Money::add);
        return t;
    }

    void write(Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out, CsvDialect.UNIX);
        csv.row(SummaryTable.COLUMNS.toArray(new String[0]));
        for (var e : cells.entrySet()) {
            SummaryTable.Key k = e.getKey();
            csv.raw(k.month()).text(k.account()).text(k.market()).raw(k.billable()).raw(k.type())
                    .number(e.getValue()[0]).raw(LedgerFormat.amount(Money.toDecimal(e.getValue()[1]))).raw(k.currency());
            csv.endRow();
        }
        csv.close();
    }
}
