package io.wabill.cli;

import static io.wabill.cli.ForecastCommandTest.ok;
import static io.wabill.cli.ForecastCommandTest.wabill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import io.wabill.app.Backtest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forecast ranges that come from the parameters, the backtest that checks them, and a heap that stays fixed. */
class ForecastUncertaintyTest {
    /** (P90 - P10) / P50 of the forecast's total spend in its one month. */
    static double relativeBand(Path runsCsv) throws Exception {
        List<BigDecimal> spend = new ArrayList<>();
        for (CsvTable.Row r : CsvTable.read(runsCsv)) spend.add(new BigDecimal(r.get("spend")));
        spend.sort(null);
        int n = spend.size();
        BigDecimal p10 = spend.get((int) Math.ceil(0.1 * n) - 1), p50 = spend.get((int) Math.ceil(0.5 * n) - 1),
                p90 = spend.get((int) Math.ceil(0.9 * n) - 1);
        return p90.subtract(p10).divide(p50, 6, RoundingMode.HALF_EVEN).doubleValue();
    }

    @Test
    void theBandComesFromTheParametersNotOnlyFromTheTraffic(@TempDir Path dir) throws Exception {
        List<String> common = List.of("forecast", "--scenario", "ecommerce-br", "--start", "2026-12-01", "--months", "1",
                "--runs", "20", "--seed", "2", "--scale", "0.05", "-q");
        List<String> fixed = new ArrayList<>(common);
        fixed.addAll(List.of("--fixed-parameters", "--out", dir.resolve("fixed").toString()));
        ok(fixed.toArray(new String[0]));
        List<String> drawn = new ArrayList<>(common);
        drawn.addAll(List.of("--out", dir.resolve("drawn").toString()));
        ForecastCommandTest.Run r = ok(drawn.toArray(new String[0]));
        assertTrue(r.out().contains("Each run draws: parameters drawn with a spread of 10% around the scenario's values"), r.out());
        double noise = relativeBand(dir.resolve("fixed/runs.csv")), band = relativeBand(dir.resolve("drawn/runs.csv"));
        assertTrue(band > 3 * noise, "drawn parameters widen the band: " + band + " against traffic noise " + noise);
        Set<String> factors = new HashSet<>();
        for (CsvTable.Row row : CsvTable.read(dir.resolve("drawn/runs.csv"))) factors.add(row.get("volume_factor"));
        assertEquals(20, factors.size(), "every run has parameters of its own");
        for (CsvTable.Row row : CsvTable.read(dir.resolve("fixed/runs.csv"))) assertEquals("1.0000", row.get("volume_factor"));
    }

    @Test
    void aBacktestComparesEachHeldOutCellWithItsBandAndReportsTheCoverage(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("history.csv.gz");
        ok("generate", "--scenario", "ecommerce-br", "--from", "2026-01-01", "--to", "2026-04-30", "--scale", "0.03",
                "--growth", "5%/month", "--seed", "9", "--out", log.toString(), "-q");
        ForecastCommandTest.Run r = ok("forecast", "--backtest", log.toString(), "--holdout", "1", "--runs", "20",
                "--time-zone", "America/Sao_Paulo", "--out", dir.resolve("bt").toString(), "-q");
        assertTrue(r.out().contains("fitted on 2026-01-01 to 2026-03-31, forecasting 1 month from 2026-04-01"), r.out());
        assertTrue(r.out().contains("growth from the log's trend"), r.out());
        List<CsvTable.Row> rows = CsvTable.read(dir.resolve("bt/backtest.csv"));
        assertEquals(Backtest.COLUMNS, new ArrayList<>(rows.get(0).cells().keySet()));
        // The actuals are the held-out month of the log priced as simulate prices it.
        Map<String, BigDecimal> simulated = new TreeMap<>();
        for (CsvTable.Row s : CsvTable.read(dir.resolve("bt/actual/summary.csv"))) {
            if (!s.get("month").equals("2026-04") || s.get("billable_category").isEmpty()) continue;
            simulated.merge(s.get("billable_category"), new BigDecimal(s.get("amount")), BigDecimal::add);
        }
        int cells = 0, inside = 0;
        for (CsvTable.Row row : rows) {
            assertEquals("2026-04", row.get("month"));
            BigDecimal actual = new BigDecimal(row.get("actual")), p10 = new BigDecimal(row.get("p10")), p90 = new BigDecimal(row.get("p90"));
            assertTrue(p10.compareTo(new BigDecimal(row.get("p50"))) <= 0 && new BigDecimal(row.get("p50")).compareTo(p90) <= 0);
            boolean in = actual.compareTo(p10) >= 0 && actual.compareTo(p90) <= 0;
            assertEquals(in ? "yes" : "no", row.get("inside"), row.cells().toString());
            if (row.get("measure").equals("spend")) {
                assertEquals(0, simulated.getOrDefault(row.get("category"), BigDecimal.ZERO).compareTo(actual), row.cells().toString());
                cells++;
                if (in) inside++;
            }
        }
        assertTrue(cells >= 3, "marketing, utility, authentication and service are charged: " + cells);
        CsvTable.Row spend = CsvTable.read(dir.resolve("bt/backtest-summary.csv")).get(0);
        assertEquals("spend", spend.get("measure"));
        assertEquals(Integer.toString(cells), spend.get("cells"));
        assertEquals(Integer.toString(inside), spend.get("inside"));
        assertEquals(Backtest.percent(inside, cells), spend.get("coverage"));
        assertTrue(r.out().contains("spend    " + inside + " of " + cells + " cells inside"), r.out());
    }

    @Test
    void aHoldoutThatLeavesNoMonthToFitOnIsRefused(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("short.csv");
        ok("generate", "--scenario", "ecommerce-br", "--from", "2026-01-01", "--to", "2026-02-28", "--scale", "0.01",
                "--out", log.toString(), "-q");
        ForecastCommandTest.Run r = wabill("forecast", "--backtest", log.toString(), "--holdout", "2", "--time-zone",
                "America/Sao_Paulo", "--out", dir.resolve("bt").toString(), "-q");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--holdout 2 leaves no whole month to fit on: the log covers 2026-01 to 2026-02"), r.err());
        assertTrue(!Files.exists(dir.resolve("bt/backtest.csv")));
        ForecastCommandTest.Run months = wabill("forecast", "--backtest", log.toString(), "--months", "2", "--out", dir.resolve("bt").toString());
        assertEquals(2, months.exit(), "options a backtest would ignore are refused");
        assertTrue(months.err().contains("--months does not apply to --backtest"), months.err());
        ForecastCommandTest.Run spread = wabill("forecast", "--fit", log.toString(), "--parameter-spread", "20%", "--runs", "1",
                "--out", dir.resolve("fc").toString(), "-q");
        assertEquals(2, spread.exit(), spread.err());
        assertTrue(spread.err().contains("--parameter-spread is for --scenario"), spread.err());
    }

    /**
     * Two hundred runs of twelve months in nine markets within a 64 MB heap, in a JVM of its own: runs hand their
     * monthly cells to the table and are let go, so memory is the runs in flight, not the runs done.
     */
    @Test
    void twoHundredRunsFitInAFixedSmallHeap(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.wabill.cli.Main", "forecast", "--scenario", "multi-market-global", "--start", "2026-12-01", "--months", "12",
                "--runs", "200", "--scale", "0.001", "--out", dir.resolve("fc").toString(), "-q");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the forked forecast finished");
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("in 200 runs"), out);
        int rows = CsvTable.read(dir.resolve("fc/forecast.csv")).size();
        assertTrue(rows > 12 * 9, "cells of every month and market: " + rows);
    }
}
