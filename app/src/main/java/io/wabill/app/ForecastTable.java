package io.wabill.app;

import io.wabill.sim.api.Catalog;
import io.wabill.data.traffic.ParameterDraws;
import io.wabill.report.CsvDialect;
import io.wabill.report.CsvWriter;
import io.wabill.report.LedgerFormat;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.CardChoice;
import io.wabill.sim.rates.CatalogException;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCategory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The forecast's statistics over runs, filled one run at a time ({@link #add}) so that no run's ledger or cells
 * are kept once added: per cell only the runs' exact messages and amounts (two longs a run) and, per volume band,
 * how many runs reached it and the sum of their first days. Per (local month, market, billable category, currency): mean and
 * P10/P50/P90 of messages and spend (a cell a run lacks counts as 0 for it), and for each volume band of the
 * card in force that month the share of runs that reached it and the mean day they did. Percentiles are
 * nearest-rank on the runs' exact values; means are exact sums divided by the runs, rounded half-even to
 * the 10^-8 unit of money (never a double).
 */
public final class ForecastTable {
    static final List<String> FORECAST_COLUMNS = List.of("month", "market", "category", "currency", "runs",
            "messages_mean", "messages_p10", "messages_p50", "messages_p90", "spend_mean", "spend_p10", "spend_p50", "spend_p90");
    static final List<String> BAND_COLUMNS = List.of("month", "market", "category", "currency", "band", "rate",
            "runs_reached_share", "expected_date");
    static final List<String> RUN_COLUMNS = List.of("run", "seed", "monthly_growth", "level", "volume_factor", "rows", "messages",
            "spend", "currency");

    /** What runs.csv says of one run: its draw and its totals per currency (messages, units). */
    public record RunRow(int index, long seed, double growth, double level, double volumeFactor, long rows, TreeMap<String, long[]> totals) {}

    /** One band of one cell: how many runs reached it, and the sum of their first days. */
    public record BandRow(RunLedger.Key key, Band band, int reached, long daySum, int runs) {
        double share() { return reached / (double) runs; }

        /** The mean first day over the runs that reached it, or null when none did. */
        LocalDate expected() {
            return reached == 0 ? null : LocalDate.ofEpochDay(Math.round(daySum / (double) reached));
        }
    }

    private final int runs;
    private final Catalog catalog;
    private final PricingOptions pricing;
    private final TreeMap<RunLedger.Key, long[][]> values = new TreeMap<>();
    /** Per cell, per band lower bound: {runs that reached it, sum of their first epoch days}. */
    private final Map<RunLedger.Key, TreeMap<Long, long[]>> reached = new java.util.HashMap<>();
    private final List<RunRow> runRows = new ArrayList<>();
    private final List<BandRow> bands = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean finished;

    /** An empty table for {@code runs} runs; {@link #add} each, then {@link #finish}. */
    public ForecastTable(int runs, Catalog catalog, PricingOptions pricing) {
        this.runs = runs;
        this.catalog = catalog;
        this.pricing = pricing;
    }

    /** A table of runs already done (tests). */
    public ForecastTable(List<ForecastRun.Outcome> outcomes, Catalog catalog, PricingOptions pricing) {
        this(outcomes.size(), catalog, pricing);
        for (ForecastRun.Outcome o : outcomes) add(o);
        finish();
    }

    /** Takes one run's cells; the outcome is not kept. */
    public void add(ForecastRun.Outcome o) {
        if (finished) throw new IllegalStateException("the table is finished");
        TreeMap<String, long[]> totals = new TreeMap<>();
        for (Map.Entry<RunLedger.Key, RunLedger.Cell> e : o.cells().entrySet()) {
            RunLedger.Cell c = e.getValue();
            long[][] v = values.computeIfAbsent(e.getKey(), k -> new long[2][runs]);
            v[0][o.index()] = c.messages;
            v[1][o.index()] = c.units;
            for (Map.Entry<Long, Long> b : c.bandFirstDay.entrySet()) {
                long[] r = reached.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).computeIfAbsent(b.getKey(), k -> new long[2]);
                r[0]++;
                r[1] += b.getValue();
            }
            long[] t = totals.computeIfAbsent(e.getKey().currency(), k -> new long[2]);
            t[0] += c.messages;
            t[1] = io.wabill.sim.money.Money.add(t[1], c.units);
        }
        ParameterDraws.Draw d = o.draw();
        runRows.add(new RunRow(o.index(), o.seed(), d.growth(), d.level(), d.volumeFactor(), o.rows(), totals));
    }

    /** After the last run: works out the volume bands of each cell. */
    public void finish() {
        finished = true;
        runRows.sort(java.util.Comparator.comparingInt(RunRow::index));
        for (RunLedger.Key key : values.keySet()) addBands(key);
    }

    private void addBands(RunLedger.Key key) {
        RateCategory category = switch (key.category()) {
            case "utility" -> RateCategory.UTILITY;
            case "authentication" -> RateCategory.AUTHENTICATION;
            case "authentication_international" -> RateCategory.AUTHENTICATION_INTERNATIONAL;
            default -> null;
        };
        if (category == null) return;
        LocalDate first = YearMonth.parse(key.month()).atDay(1);
        RateCard card;
        try {
            if (pricing.pinnedCard() != null) {
                String id = pricing.pinnedCard();
                card = catalog.rates().card(id.substring(0, 3), LocalDate.parse(id.substring(4)));
            } else {
                CardChoice choice = catalog.rates().choose(key.currency(), first, pricing.allowStaleCard());
                if (choice.tiersUnknown()) {
                    notes.add(key.month() + " " + key.market() + " " + key.category() + ": the catalog has list rates only for "
                            + key.currency() + " then (tiers-unknown, G2a), so no band dates");
                    return;
                }
                card = choice.card();
            }
        } catch (CatalogException e) {
            return; // the runs priced this month, so only an edge month outside the catalog gets here: no band dates
        }
        if (card == null) return;
        Bands b = card.bands(key.market(), category);
        if (b == null || !b.isTiered()) return;
        TreeMap<Long, long[]> cell = reached.getOrDefault(key, new TreeMap<>());
        for (Band band : b.asList()) {
            long[] r = cell.getOrDefault(band.from(), new long[2]);
            bands.add(new BandRow(key, band, (int) r[0], r[1], runs));
        }
    }

    /** The cells the runs produced, in order. */
    public java.util.Set<RunLedger.Key> keys() { return java.util.Collections.unmodifiableSet(values.keySet()); }

    /** P10, P50 and P90 over the runs of a cell's messages ({@code measure} 0) or amount in units (1); zeros for a cell no run has. */
    public long[] quantiles(RunLedger.Key key, int measure) {
        long[][] v = values.get(key);
        if (v == null) return new long[3];
        long[] sorted = v[measure].clone();
        Arrays.sort(sorted);
        return new long[] {percentile(sorted, 0.1), percentile(sorted, 0.5), percentile(sorted, 0.9)};
    }

    public static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static BigInteger sum(long[] values) {
        BigInteger s = BigInteger.ZERO;
        for (long v : values) s = s.add(BigInteger.valueOf(v));
        return s;
    }

    /** Mean money units, exact sum divided by the runs and rounded half-even to a whole unit (10^-8). */
    public static long meanUnits(long[] values) {
        return new BigDecimal(sum(values)).divide(BigDecimal.valueOf(values.length), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    public static String meanCount(long[] values) {
        return new BigDecimal(sum(values)).divide(BigDecimal.valueOf(values.length), 1, RoundingMode.HALF_EVEN).toPlainString();
    }

    public void writeForecast(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(FORECAST_COLUMNS.toArray(new String[0]));
        for (Map.Entry<RunLedger.Key, long[][]> e : values.entrySet()) {
            RunLedger.Key k = e.getKey();
            long[] messages = e.getValue()[0].clone(), units = e.getValue()[1].clone();
            Arrays.sort(messages);
            Arrays.sort(units);
            csv.raw(k.month()).text(k.market()).raw(k.category()).raw(k.currency()).number(runs)
                    .raw(meanCount(messages)).number(percentile(messages, 0.1)).number(percentile(messages, 0.5)).number(percentile(messages, 0.9))
                    .raw(LedgerFormat.amount(meanUnits(units))).raw(LedgerFormat.amount(percentile(units, 0.1)))
                    .raw(LedgerFormat.amount(percentile(units, 0.5))).raw(LedgerFormat.amount(percentile(units, 0.9)));
            csv.endRow();
        }
        csv.close();
    }

    public void writeBands(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(BAND_COLUMNS.toArray(new String[0]));
        for (BandRow b : bands) {
            csv.raw(b.key().month()).text(b.key().market()).raw(b.key().category()).raw(b.key().currency()).raw(b.band().label())
                    .raw(b.band().rate().toPlainString()).raw(share(b.share()))
                    .raw(b.expected() == null ? "not reached" : b.expected().toString());
            csv.endRow();
        }
        csv.close();
    }

    public void writeRuns(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(RUN_COLUMNS.toArray(new String[0]));
        for (RunRow o : runRows) {
            Map<String, long[]> byCurrency = new TreeMap<>(o.totals());
            if (byCurrency.isEmpty()) byCurrency.put("", new long[2]);
            for (Map.Entry<String, long[]> t : byCurrency.entrySet()) {
                csv.number(o.index()).number(o.seed()).raw(GrowthRange.format(o.growth())).raw(factor(o.level()))
                        .raw(factor(o.volumeFactor())).number(o.rows())
                        .number(t.getValue()[0]).raw(LedgerFormat.amount(t.getValue()[1])).raw(t.getKey());
                csv.endRow();
            }
        }
        csv.close();
    }

    /** A drawn factor to four decimals (a description of the run, not money). */
    public static String factor(double f) {
        return BigDecimal.valueOf(f).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    public static String share(double s) {
        return BigDecimal.valueOf(s).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Each run's spend per "month currency", so quantiles of a month's total can be taken over the runs. */
    public Map<String, long[]> monthTotals() {
        Map<String, long[]> monthTotals = new TreeMap<>();
        for (Map.Entry<RunLedger.Key, long[][]> e : values.entrySet()) {
            RunLedger.Key k = e.getKey();
            long[] t = monthTotals.computeIfAbsent(k.month() + " " + k.currency(), x -> new long[runs]);
            for (int r = 0; r < runs; r++) t[r] = io.wabill.sim.money.Money.add(t[r], e.getValue()[1][r]);
        }
        return monthTotals;
    }

    /** P10, P50 and P90 over the runs of each month's total spend in {@code currency}, for the fan chart. */
    public List<io.wabill.report.chart.FanChart.Point> fan(String currency) {
        List<io.wabill.report.chart.FanChart.Point> points = new ArrayList<>();
        for (Map.Entry<String, long[]> e : monthTotals().entrySet()) {
            String[] monthAndCurrency = e.getKey().split(" ");
            if (!monthAndCurrency[1].equals(currency)) continue;
            long[] v = e.getValue().clone();
            Arrays.sort(v);
            points.add(new io.wabill.report.chart.FanChart.Point(monthAndCurrency[0],
                    io.wabill.sim.money.Money.toDecimal(percentile(v, 0.1)), io.wabill.sim.money.Money.toDecimal(percentile(v, 0.5)),
                    io.wabill.sim.money.Money.toDecimal(percentile(v, 0.9))));
        }
        return points;
    }

    /** The currencies the forecast spends in. */
    public java.util.Set<String> currencies() {
        java.util.Set<String> c = new java.util.TreeSet<>();
        for (RunLedger.Key k : values.keySet()) c.add(k.currency());
        return c;
    }

    /** Totals per month and currency, the largest cells, and the bands reached. */
    public void printSummary(PrintWriter out) {
        Map<String, long[]> monthTotals = monthTotals();
        Map<String, long[]> cellTotals = new LinkedHashMap<>();
        for (Map.Entry<RunLedger.Key, long[][]> e : values.entrySet()) {
            RunLedger.Key k = e.getKey();
            long[] c = cellTotals.computeIfAbsent(k.market() + " " + k.category() + " " + k.currency(), x -> new long[runs]);
            for (int r = 0; r < runs; r++) c[r] = io.wabill.sim.money.Money.add(c[r], e.getValue()[1][r]);
        }
        out.println("Spend per local month: mean [P10 .. P90] over " + runs + " run" + (runs > 1 ? "s" : ""));
        for (Map.Entry<String, long[]> e : monthTotals.entrySet()) {
            long[] v = e.getValue().clone();
            Arrays.sort(v);
            out.printf("  %s %s [%s .. %s]%n", e.getKey(), LedgerFormat.amount(meanUnits(v)), LedgerFormat.amount(percentile(v, 0.1)),
                    LedgerFormat.amount(percentile(v, 0.9)));
        }
        List<Map.Entry<String, Long>> top = new ArrayList<>();
        for (Map.Entry<String, long[]> e : cellTotals.entrySet()) top.add(Map.entry(e.getKey(), meanUnits(e.getValue())));
        top.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        StringBuilder b = new StringBuilder("Largest over the forecast (mean): ");
        int shown = 0;
        for (Map.Entry<String, Long> e : top) {
            if (e.getValue() == 0 || shown == 5) break;
            b.append(shown++ > 0 ? ", " : "").append(e.getKey()).append(' ').append(LedgerFormat.amount(e.getValue()));
        }
        if (shown == 0) b.append("nothing charged");
        out.println(b);
        boolean any = false;
        for (BandRow r : bands) {
            if (r.band().from() <= 1 || r.reached() == 0) continue;
            if (!any) out.println("Volume bands reached (D6; mean day over the runs that reached it):");
            any = true;
            out.printf("  %s %s %s band %s (rate %s): %s in %s%% of runs%n", r.key().month(), r.key().market(), r.key().category(),
                    r.band().label(), r.band().rate().toPlainString(), r.expected(),
                    BigDecimal.valueOf(r.share() * 100).setScale(0, RoundingMode.HALF_EVEN).toPlainString());
        }
        if (!any && !bands.isEmpty()) out.println("Volume bands: no run went past the first band of any tiered category (see bands.csv).");
        for (String n : notes) out.println("Note: " + n);
    }

    public int bandRows() { return bands.size(); }
}
