package io.wabill.app;

import io.wabill.report.ComparisonTable;
import io.wabill.report.CsvDialect;
import io.wabill.report.CsvWriter;
import io.wabill.report.LedgerFormat;
import io.wabill.report.SummaryTable;
import io.wabill.sim.exec.ReplayStats;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The scenarios ranked by total cost (cheapest first) in the main currency (the one the first baseline spends most
 * in). Each row says the rules it was priced under (regime and card) and its delta is against as-logged under those
 * same rules. The costs that are not money stand beside it: messages lost (dropped by the strategy or refused by the
 * platform because of it), messages still pending at the end of the log (priced as if sent then; their amount is
 * part of the total and shown apart), messages deferred and the delay introduced. Rank N is {@code ledger-N.csv}.
 */
public final class Ranking {
    static final List<String> COLUMNS = List.of("rank", "scenario", "strategy", "regime", "card", "currency", "total",
            "baseline_total", "delta", "delta_pct", "dropped", "refused", "pending", "pending_amount", "intended",
            "sent_as_logged", "sent_changed", "deferred", "mean_delay_hours", "p95_delay_hours");
    /** With --fees or --tax: the bill as paid, after Meta's amounts (delta_pct); without them the file is as before. */
    static final List<String> PAID_COLUMNS = List.of("fees", "tax", "total_paid", "baseline_total_paid", "delta_paid",
            "delta_paid_pct");

    /** The provider's fees and the tax of a scenario in the main currency (units), and its baseline's. */
    public record Paid(long fees, long tax, long baselineFees, long baselineTax) {
        static final Paid NONE = new Paid(0, 0, 0, 0);
    }

    /** One scenario's line; {@code scenario} is its index in the run, {@code baseline} its baseline's. */
    public record Row(int scenario, String name, String strategy, String regime, String card, String currency, long total,
               long baselineTotal, long pendingUnits, ReplayStats stats, Paid paid) {
        public Row(int scenario, String name, String strategy, String regime, String card, String currency, long total,
                   long baselineTotal, long pendingUnits, ReplayStats stats) {
            this(scenario, name, strategy, regime, card, currency, total, baselineTotal, pendingUnits, stats, Paid.NONE);
        }

        /** Meta's amount against the baseline's: the strategy's own effect on what Meta bills. */
        public long delta() { return Money.subtract(total, baselineTotal); }

        public String deltaPercent() { return ComparisonTable.percent(delta(), baselineTotal); }

        /** What the business pays: Meta's total, the provider's fees and the tax (= total without --fees/--tax). */
        public long totalPaid() { return Money.add(Money.add(total, paid.fees()), paid.tax()); }

        public long baselineTotalPaid() { return Money.add(Money.add(baselineTotal, paid.baselineFees()), paid.baselineTax()); }

        /** The total paid against the baseline's: Meta's delta plus what fees and tax change. */
        public long deltaPaid() { return Money.subtract(totalPaid(), baselineTotalPaid()); }

        public String deltaPaidPercent() { return ComparisonTable.percent(deltaPaid(), baselineTotalPaid()); }

        public String rules() { return regime + " | " + card; }
    }

    private final List<Row> rows = new ArrayList<>();
    private final boolean billAsPaid;

    public Ranking(List<ComparisonRun.ScenarioResult> results, ComparisonTable table) {
        Map<String, Long> first = table.totals(0);
        String currency = first.isEmpty() ? "USD" : first.entrySet().stream()
                .max(Map.Entry.comparingByValue()).get().getKey();
        billAsPaid = !results.isEmpty() && results.get(0).summary().surcharges() != null;
        for (int i = 0; i < results.size(); i++) {
            Scenario sc = results.get(i).scenario();
            long total = table.totals(i).getOrDefault(currency, 0L);
            long base = table.totals(sc.baseline()).getOrDefault(currency, 0L);
            ReplayStats st = results.get(i).stats();
            Paid paid = Paid.NONE;
            if (billAsPaid) {
                long[] own = feesAndTax(results.get(i).summary(), currency);
                long[] baseline = feesAndTax(results.get(sc.baseline()).summary(), currency);
                paid = new Paid(own[0], own[1], baseline[0], baseline[1]);
            }
            rows.add(new Row(i, sc.name(), sc.chain().spec(), Scenario.regimeLabel(sc.pricing()),
                    Scenario.cardLabel(sc.pricing()), currency, total, base,
                    st.pendingUnits().getOrDefault(currency, 0L), st, paid));
        }
        // With the bill as paid the ranking is by what the business pays (fees and tax included), then Meta's total.
        Comparator<Row> order = billAsPaid ? Comparator.comparingLong(Row::totalPaid).thenComparingLong(Row::total)
                : Comparator.comparingLong(Row::total);
        rows.sort(order.thenComparingInt(Row::scenario));
    }

    /** A scenario's fees and tax in one currency, summed from its summary (so they equal its ledger's sums). */
    private static long[] feesAndTax(SummaryTable summary, String currency) {
        long fees = 0, tax = 0;
        for (SummaryTable.Bill b : summary.bills()) {
            if (!b.currency().equals(currency)) continue;
            fees = Money.add(fees, b.fee());
            tax = Money.add(tax, b.tax());
        }
        return new long[] {fees, tax};
    }

    /** True when fees or tax were asked for (--fees, --tax): scenarios.csv has the paid columns. */
    public boolean billAsPaid() { return billAsPaid; }

    /** The rows in rank order: rows().get(N - 1) is rank N. */
    public List<Row> rows() { return rows; }

    /** The rank (1-based) of the scenario with index {@code scenario}. */
    public int rankOf(int scenario) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).scenario() == scenario) return i + 1;
        throw new IllegalArgumentException("no scenario " + scenario);
    }

    public void write(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        List<String> header = new ArrayList<>(COLUMNS);
        if (billAsPaid) header.addAll(COLUMNS.indexOf("delta_pct") + 1, PAID_COLUMNS);
        csv.row(header.toArray(new String[0]));
        int rank = 1;
        for (Row r : rows) {
            ReplayStats st = r.stats;
            csv.number(rank++).text(r.name).text(r.strategy).text(r.regime).text(r.card).raw(r.currency)
                    .raw(LedgerFormat.amount(r.total)).raw(LedgerFormat.amount(r.baselineTotal))
                    .raw(LedgerFormat.amount(r.delta())).raw(r.deltaPercent());
            if (billAsPaid)
                csv.raw(LedgerFormat.amount(r.paid.fees())).raw(LedgerFormat.amount(r.paid.tax()))
                        .raw(LedgerFormat.amount(r.totalPaid())).raw(LedgerFormat.amount(r.baselineTotalPaid()))
                        .raw(LedgerFormat.amount(r.deltaPaid())).raw(r.deltaPaidPercent());
            csv.number(st.lost()).number(st.refused())
                    .number(st.pending()).raw(LedgerFormat.amount(r.pendingUnits)).number(st.intended())
                    .number(st.sentAsLogged()).number(st.sentChanged()).number(st.deferred())
                    .raw(hours(Math.round(st.meanDelayMillis()))).raw(hours(st.p95DelayMillis()));
            csv.endRow();
        }
        csv.close();
    }

    public void print(PrintWriter out) {
        out.printf("%-4s %-44s %-26s %13s %11s %8s %8s %8s %11s %9s %7s%n", "rank", "strategy", "rules (regime | card)",
                "total " + rows.get(0).currency, "delta", "delta%", "dropped", "pending", "pending amt", "deferred", "p95 h");
        int rank = 1;
        for (Row r : rows) {
            String pct = r.deltaPercent();
            out.printf("%-4d %-44s %-26s %13s %11s %8s %8d %8d %11s %9d %7s%n", rank++, clip(r.strategy, 44), clip(r.rules(), 26),
                    LedgerFormat.amount(r.total), r.strategy.equals("as-logged") ? "baseline" : LedgerFormat.amount(r.delta()),
                    r.strategy.equals("as-logged") ? "" : pct.isEmpty() ? "-" : pct, r.stats.lost(), r.stats.pending(),
                    LedgerFormat.amount(r.pendingUnits), r.stats.deferred(), hours(r.stats.p95DelayMillis()));
        }
        out.println("delta: against as-logged under the same rules; dropped: not sent, or refused by the platform (G7, G8)");
        out.println("because of the strategy; pending: still held when the log ended, priced as if sent then (in the total).");
        if (billAsPaid) printPaid(out);
        out.println("Full names and every column: scenarios.csv; ledger-N.csv (with --ledgers) is rank N.");
    }

    /** The bill as paid (--fees, --tax), in rank order: Meta, fees, tax, the total paid and its delta. */
    private void printPaid(PrintWriter out) {
        out.println();
        out.printf("Bill as paid, %s (ranked by the total paid):%n", rows.get(0).currency());
        out.printf("%-4s %-44s %13s %11s %11s %13s %11s %8s%n", "rank", "strategy", "Meta", "fees", "tax", "total paid",
                "delta paid", "delta%");
        int rank = 1;
        for (Row r : rows) {
            boolean base = r.strategy.equals("as-logged");
            String pct = r.deltaPaidPercent();
            out.printf("%-4d %-44s %13s %11s %11s %13s %11s %8s%n", rank++, clip(r.strategy, 44), LedgerFormat.amount(r.total),
                    LedgerFormat.amount(r.paid.fees()), LedgerFormat.amount(r.paid.tax()), LedgerFormat.amount(r.totalPaid()),
                    base ? "baseline" : LedgerFormat.amount(r.deltaPaid()), base ? "" : pct.isEmpty() ? "-" : pct);
        }
        out.println("fees: the provider's (--fees) on each scenario's own messages; tax (--tax) on Meta's amount plus fees.");
    }

    private static String clip(String s, int width) { return s.length() <= width ? s : s.substring(0, width - 3) + "..."; }

    public static String hours(long millis) {
        return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(3_600_000), 2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
