package io.wabill.app;

import io.wabill.report.Cents;
import io.wabill.report.ComparisonTable;
import io.wabill.report.LedgerFormat;
import io.wabill.report.OutputSet;
import io.wabill.report.chart.Chart;
import io.wabill.report.chart.ChartStyle;
import io.wabill.report.chart.ChartWriter;
import io.wabill.report.chart.ComparisonChart;
import io.wabill.report.html.HtmlReport;
import io.wabill.report.html.Table;
import io.wabill.sim.exec.ReplayStats;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The comparison chart ({@code --charts}) and {@code report.html} ({@code --report}) of a {@code compare} run, drawn
 * from the same rows as {@code scenarios.csv} and {@code comparison.csv}, and committed with them.
 */
public final class ComparisonArtifacts {
    private final Path charts;
    private final Path report;
    private final ChartStyle style;
    private final List<String> commandLine;
    private RunWorkbook workbook;

    public ComparisonArtifacts(Path charts, Path report, ChartStyle style, List<String> commandLine) {
        this.charts = charts;
        this.report = report;
        this.style = style;
        this.commandLine = commandLine;
    }

    /** Adds the workbook ({@code --xlsx}), built last from the run's CSV files; null for none. */
    public ComparisonArtifacts withWorkbook(RunWorkbook w) {
        this.workbook = w;
        return this;
    }

    /** Checks the targets before the run writes its first byte. */
    public void prepare(OutputSet outputs) throws IOException {
        ChartAndReportTargets.reserve(outputs, charts, report);
        if (workbook != null) workbook.prepare(outputs);
    }

    /** Writes what was asked for into the run's output set. */
    public void write(ComparisonRun.Result r, OutputSet outputs) throws IOException {
        if (charts != null || report != null) writeChartsAndReport(r, outputs);
        // Last: the workbook reads scenarios.csv, comparison.csv and the ledgers under their ranked names.
        if (workbook != null) workbook.write(outputs);
    }

    private void writeChartsAndReport(ComparisonRun.Result r, OutputSet outputs) throws IOException {
        Ranking ranking = new Ranking(r.scenarios(), r.table());
        String currency = ranking.rows().get(0).currency();
        List<ComparisonChart.Row> bars = new ArrayList<>();
        int rankNo = 1;
        for (Ranking.Row row : ranking.rows())
            bars.add(new ComparisonChart.Row((rankNo++) + ". " + row.name(), Money.toDecimal(row.total()), Money.toDecimal(row.delta())));
        Chart chart = new ComparisonChart("comparison", currency, bars);
        ChartWriter writer = new ChartWriter(style);
        if (charts != null) writer.write(outputs.folder(charts), List.of(chart));
        if (report != null) {
            try (Writer w = outputs.folder(report).open("report.html")) {
                html(r, ranking, chart, writer).write(w);
            }
        }
    }

    private HtmlReport html(ComparisonRun.Result r, Ranking ranking, Chart chart, ChartWriter writer) {
        String currency = ranking.rows().get(0).currency();
        HtmlReport html = new HtmlReport("wabill comparison", writer);
        List<String[]> scenarios = new ArrayList<>();
        int no = 1;
        for (Ranking.Row row : ranking.rows()) scenarios.add(new String[] {Integer.toString(no++), row.name()});
        html.section("overview", "Scenarios")
                .paragraph("The same log priced under every scenario, numbered by rank (cheapest first; ledger-N.csv is "
                        + "rank N). Each scenario's delta is against as-logged under the same rules (regime and card). "
                        + "Customers' messages are the log's own in every scenario.")
                .facts(scenarios)
                .chart(chart);
        // The columns of scenarios.csv that decide, narrow enough for the page: regime and card as one "rules" cell.
        List<String> shown = List.of("rank", "strategy", "rules", "total", "baseline_total", "delta", "delta_pct", "dropped",
                "refused", "pending", "pending_amount", "deferred", "mean_delay_hours", "p95_delay_hours");
        Table rank = new Table("ranking", "Ranking (scenarios.csv), " + currency, shown,
                List.of("rank", "total", "baseline_total", "delta", "delta_pct", "dropped", "refused", "pending",
                        "pending_amount", "deferred", "mean_delay_hours", "p95_delay_hours"));
        int n = 1;
        for (Ranking.Row row : ranking.rows()) {
            ReplayStats st = row.stats();
            rank.row(Integer.toString(n++), row.strategy(), row.rules(), Cents.of(row.total()),
                    Cents.of(row.baselineTotal()), Cents.of(row.delta()), row.deltaPercent(),
                    Long.toString(st.lost()), Long.toString(st.refused()), Long.toString(st.pending()),
                    Cents.of(row.pendingUnits()), Long.toString(st.deferred()),
                    Ranking.hours(Math.round(st.meanDelayMillis())), Ranking.hours(st.p95DelayMillis()));
        }
        html.section("ranking", "Ranking").paragraph("Each delta is against as-logged under the same rules. Drops (messages "
                + "not sent, or refused by the platform because of the strategy: G7, G8), delay and messages still pending "
                + "at the end of the log (priced as if sent then, their amount part of the total) are costs too; they "
                + "stand next to the money. Amounts to the cent; scenarios.csv keeps exact values.").table(rank);
        if (ranking.billAsPaid()) {
            // A table of its own, so the ranking stays as narrow as without fees: Meta, fees, tax and total side by side.
            Table paid = new Table("bill-table", "Bill as paid (scenarios.csv), " + currency,
                    List.of("rank", "strategy", "rules", "Meta", "fees", "tax", "total_paid", "delta_paid", "delta_paid_pct"),
                    List.of("rank", "Meta", "fees", "tax", "total_paid", "delta_paid", "delta_paid_pct"));
            int p = 1;
            for (Ranking.Row row : ranking.rows())
                paid.row(Integer.toString(p++), row.strategy(), row.rules(), Cents.of(row.total()), Cents.of(row.paid().fees()),
                        Cents.of(row.paid().tax()), Cents.of(row.totalPaid()), Cents.of(row.deltaPaid()), row.deltaPaidPercent());
            html.section("bill", "Bill as paid").paragraph("Each scenario's provider fees (--fees) on its own messages and the "
                    + "tax (--tax) on Meta's amount plus fees, worked out on its own ledger as simulate does; ranked by the "
                    + "total paid. Meta's amounts and deltas above are unchanged; delta_paid is against as-logged under the "
                    + "same rules, fees and tax included.").table(paid);
        }
        Table monthly = new Table("monthly", "Amount per scenario and month (from comparison.csv)",
                List.of("scenario", "month", "currency", "messages", "charged_messages", "amount", "baseline_amount", "delta", "delta_pct"),
                List.of("messages", "charged_messages", "amount", "baseline_amount", "delta", "delta_pct"));
        for (Ranking.Row row : ranking.rows()) {
            int i = row.scenario();
            Map<List<String>, long[]> byMonth = new java.util.TreeMap<>((a, b) -> (a.get(0) + a.get(1)).compareTo(b.get(0) + b.get(1)));
            for (var e : r.table().cells(i).entrySet()) {
                long[] acc = byMonth.computeIfAbsent(List.of(e.getKey().month(), e.getKey().currency()), k -> new long[4]);
                acc[0] += e.getValue().messages();
                acc[1] += e.getValue().charged();
                acc[2] = Money.add(acc[2], e.getValue().units());
            }
            for (var e : r.table().cells(r.table().baseline(i)).entrySet()) {
                long[] acc = byMonth.computeIfAbsent(List.of(e.getKey().month(), e.getKey().currency()), k -> new long[4]);
                acc[3] = Money.add(acc[3], e.getValue().units());
            }
            for (var e : byMonth.entrySet()) {
                long[] a = e.getValue();
                monthly.row(Integer.toString(ranking.rankOf(i)), e.getKey().get(0), e.getKey().get(1), Long.toString(a[0]),
                        Long.toString(a[1]), Cents.of(a[2]), Cents.of(a[3]),
                        Cents.of(a[2] - a[3]), ComparisonTable.percent(a[2] - a[3], a[3]));
            }
        }
        html.section("months", "By month").table(monthly);
        List<String[]> accounting = new ArrayList<>();
        accounting.add(new String[] {"rows in", Long.toString(r.rowsIn())});
        for (Ranking.Row row : ranking.rows()) {
            ComparisonRun.ScenarioResult s = r.scenarios().get(row.scenario());
            accounting.add(new String[] {"rank " + ranking.rankOf(row.scenario()), s.ledgerRows() + " ledger rows + "
                    + s.rowsMerged() + " status rows merged + " + s.rowsSkipped() + " skipped + " + s.stats().dropped()
                    + " dropped by the strategy = " + r.rowsIn() + " (" + s.stats().refused() + " refused because of the "
                    + "strategy and " + s.stats().pending() + " pending at the end have ledger rows)"});
        }
        html.section("accounting", "Row accounting").facts(accounting);
        html.section("inputs", "Inputs").facts(List.<String[]>of(new String[] {"command", String.join(" ", commandLine)}));
        return html;
    }
}
