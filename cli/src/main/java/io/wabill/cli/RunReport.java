package io.wabill.cli;

import io.wabill.app.SimulationRun;

import io.wabill.report.LedgerFormat;
import io.wabill.report.SummaryTable;
import io.wabill.sim.money.Money;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** The short summary a run prints on stdout: row accounting, totals per currency, top markets and categories. */
final class RunReport {
    private final PrintWriter out;

    RunReport(PrintWriter out) { this.out = out; }

    void print(SimulationRun.Result r) {
        Map<String, Long> byType = r.summary().messagesByType();
        long charged = byType.getOrDefault("regular", 0L);
        long rejected = byType.getOrDefault("rejected", 0L);
        long undelivered = byType.getOrDefault("undelivered", 0L);
        long inbound = byType.getOrDefault("inbound", 0L);
        long free = r.ledgerRows() - charged - rejected - undelivered - inbound;
        out.printf("Rows in: %,d = %,d ledger rows + %,d status rows merged + %,d skipped%n",
                r.rowsIn(), r.ledgerRows(), r.rowsMerged(), r.rowsSkipped());
        out.printf("Messages: %,d charged, %,d free, %,d rejected, %,d undelivered, %,d inbound%n",
                charged, free, rejected, undelivered, inbound);
        if (r.sortedInMemory()) out.println("The log was not sorted by time and was sorted in memory.");
        if (r.threads() > 1) out.printf("Independent portfolios were priced on %d threads.%n", r.threads());
        for (Map.Entry<String, Long> t : r.summary().totals().entrySet()) {
            out.printf("Total: %s %s%n", t.getKey(), LedgerFormat.amount(t.getValue()));
            if (r.summary().surcharges() != null) {
                long fee = 0, tax = 0;
                for (SummaryTable.Bill b : r.summary().bills())
                    if (b.currency().equals(t.getKey())) {
                        fee = Money.add(fee, b.fee());
                        tax = Money.add(tax, b.tax());
                    }
                out.printf("  as paid:        Meta %s + fees %s + tax %s = %s %s%n", LedgerFormat.amount(t.getValue()),
                        LedgerFormat.amount(fee), LedgerFormat.amount(tax),
                        LedgerFormat.amount(Money.add(Money.add(t.getValue(), fee), tax)), t.getKey());
            }
            line("  top markets:    ", r.summary(), SummaryTable.Key::market, t.getKey());
            line("  top categories: ", r.summary(), SummaryTable.Key::billable, t.getKey());
        }
        out.println("Wrote:");
        for (Path p : r.written()) out.println("  " + p);
        for (Path p : r.written())
            if (p.getFileName().toString().equals("report.html")) out.println("Open the report: " + p);
        out.flush();
    }

    private void line(String label, SummaryTable s, java.util.function.Function<SummaryTable.Key, String> part, String currency) {
        StringBuilder b = new StringBuilder(label);
        var top = s.top(part, currency, 5);
        if (top.isEmpty()) b.append("(nothing charged)");
        for (int i = 0; i < top.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(top.get(i).getKey()).append(' ').append(LedgerFormat.amount(top.get(i).getValue()));
        }
        out.println(b);
    }
}
