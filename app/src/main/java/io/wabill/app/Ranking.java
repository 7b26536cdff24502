package io.wabill.app;

import io.wabill.report.ComparisonTable;
import io.wabill.report.CsvDialect;
import io.wabill.report.CsvWriter;
import io.wabill.report.LedgerFormat;
import io.wabill.sim.exec.ReplayStats;
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
 * The scenarios ranked by total cost (cheapest first) in the baseline's currency, with the costs that are
 * not money beside it: messages deferred, the mean and 95th-percentile delay introduced, messages dropped and
 * messages still pending when the log ended.
 */
public final class Ranking {
    static final List<String> COLUMNS = List.of("rank", "scenario", "currency", "total", "delta", "delta_pct",
            "intended", "sent_as_logged", "sent_changed", "deferred", "mean_delay_hours", "p95_delay_hours",
            "dropped", "pending");

    public record Row(int scenario, String name, String currency, long total, long delta, ReplayStats stats) {}

    private final List<Row> rows = new ArrayList<>();

    public Ranking(List<ComparisonRun.ScenarioResult> results, ComparisonTable table) {
        Map<String, Long> base = table.totals(0);
        String currency = base.isEmpty() ? "USD" : base.entrySet().stream()
                .max(Map.Entry.comparingByValue()).get().getKey();
        long baseTotal = base.getOrDefault(currency, 0L);
        for (int i = 0; i < results.size(); i++) {
            long total = table.totals(i).getOrDefault(currency, 0L);
            rows.add(new Row(i, results.get(i).scenario().name(), currency, total, total - baseTotal, results.get(i).stats()));
        }
        rows.sort(Comparator.comparingLong(Row::total).thenComparingInt(Row::scenario));
    }

    List<Row> rows() { return rows; }

    public void write(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
        int rank = 1;
        long baseTotal = rows.stream().filter(r -> r.scenario == 0).findFirst().map(Row::total).orElse(0L);
        for (Row r : rows) {
            ReplayStats st = r.stats;
            csv.number(rank++).text(r.name).raw(r.currency).raw(LedgerFormat.amount(r.total)).raw(LedgerFormat.amount(r.delta))
                    .raw(ComparisonTable.percent(r.delta, baseTotal)).number(st.intended()).number(st.sentAsLogged())
                    .number(st.sentChanged()).number(st.deferred()).raw(hours(Math.round(st.meanDelayMillis())))
                    .raw(hours(st.p95DelayMillis())).number(st.dropped()).number(st.pending());
            csv.endRow();
        }
        csv.close();
    }

    public void print(PrintWriter out) {
        long baseTotal = rows.stream().filter(r -> r.scenario == 0).findFirst().map(Row::total).orElse(0L);
        out.printf("%-4s %-60s %14s %12s %8s %9s %8s %8s %8s %8s%n", "rank", "scenario", "total " + rows.get(0).currency,
                "delta", "delta%", "deferred", "mean h", "p95 h", "dropped", "pending");
        int rank = 1;
        for (Row r : rows) {
            String name = (r.scenario == 0 ? "* " : "") + r.name;
            if (name.length() > 60) name = name.substring(0, 57) + "...";
            String pct = ComparisonTable.percent(r.delta, baseTotal);
            out.printf("%-4d %-60s %14s %12s %8s %9d %8s %8s %8d %8d%n", rank++, name, LedgerFormat.amount(r.total),
                    LedgerFormat.amount(r.delta), pct.isEmpty() ? "-" : pct, r.stats.deferred(),
                    hours(Math.round(r.stats.meanDelayMillis())), hours(r.stats.p95DelayMillis()), r.stats.dropped(),
                    r.stats.pending());
        }
        out.println("* baseline: as-logged under the rules and cards in force");
    }

    public static String hours(long millis) {
        return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(3_600_000), 2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
