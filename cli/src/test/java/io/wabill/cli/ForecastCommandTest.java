package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wabill generate} and {@code wabill forecast} run as a user runs them. */
class ForecastCommandTest {
    record Run(int exit, String out, String err) {}

    static Run wabill(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    static Run ok(String... args) {
        Run r = wabill(args);
        assertEquals(0, r.exit(), () -> String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    @Test
    void aForecastWithOneRunAndFixedGrowthEqualsSimulateOfTheGeneratedLog(@TempDir Path dir) throws Exception {
        ok("generate", "--scenario", "multi-market-global", "--from", "2026-12-01", "--to", "2026-12-31", "--scale", "0.05",
                "--seed", "11", "--out", dir.resolve("log.csv").toString(), "-q");
        ok("simulate", dir.resolve("log.csv").toString(), "--out", dir.resolve("sim").toString(), "--no-ledger", "-q");
        ok("forecast", "--scenario", "multi-market-global", "--start", "2026-12-01", "--months", "1", "--runs", "1", "--seed", "11",
                "--scale", "0.05", "--fixed-parameters", "--out", dir.resolve("fc").toString(), "-q");
        Map<String, BigDecimal[]> simulated = new TreeMap<>();
        for (CsvTable.Row r : CsvTable.read(dir.resolve("sim/summary.csv"))) {
            if (!r.get("month").equals("2026-12") || r.get("billable_category").isEmpty()) continue;
            BigDecimal[] t = simulated.computeIfAbsent(r.get("month") + "|" + r.get("market") + "|" + r.get("billable_category") + "|"
                    + r.get("currency"), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            t[0] = t[0].add(new BigDecimal(r.get("messages")));
            t[1] = t[1].add(new BigDecimal(r.get("amount")));
        }
        Map<String, BigDecimal[]> forecast = new TreeMap<>();
        for (CsvTable.Row r : CsvTable.read(dir.resolve("fc/forecast.csv"))) {
            assertEquals(r.get("spend_mean"), r.get("spend_p50"), "one run: every statistic is that run's value");
            forecast.put(r.get("month") + "|" + r.get("market") + "|" + r.get("category") + "|" + r.get("currency"),
                    new BigDecimal[] {new BigDecimal(r.get("messages_mean")), new BigDecimal(r.get("spend_mean"))});
        }
        assertEquals(simulated.keySet(), forecast.keySet());
        assertTrue(forecast.size() >= 25, "cells: " + forecast.keySet());
        BigDecimal total = BigDecimal.ZERO;
        for (String k : simulated.keySet()) {
            assertEquals(0, simulated.get(k)[0].compareTo(forecast.get(k)[0]), k + " messages");
            assertEquals(0, simulated.get(k)[1].compareTo(forecast.get(k)[1]), k + " spend " + simulated.get(k)[1] + " vs " + forecast.get(k)[1]);
            total = total.add(simulated.get(k)[1]);
        }
        assertTrue(total.signum() > 0);
    }

    @Test
    void aForecastIsTheSameOnOneThreadAsOnTwo(@TempDir Path dir) throws Exception {
        for (String threads : List.of("1", "2")) {
            ok("forecast", "--scenario", "ecommerce-br", "--start", "2026-12-01", "--months", "2", "--runs", "6", "--seed", "3",
                    "--scale", "0.04", "--growth-range", "2%..8%", "--time-zone", "America/Sao_Paulo", "--threads", threads,
                    "--out", dir.resolve("t" + threads).toString(), "-q");
        }
        for (String file : List.of("forecast.csv", "bands.csv", "runs.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1").resolve(file)), Files.readAllBytes(dir.resolve("t2").resolve(file)), file);
        }
        List<CsvTable.Row> runs = CsvTable.read(dir.resolve("t1/runs.csv"));
        assertEquals(6, runs.size());
        assertNotEquals(runs.get(0).get("spend"), runs.get(1).get("spend"), "runs differ in their traffic");
        assertNotEquals(runs.get(0).get("monthly_growth"), runs.get(1).get("monthly_growth"), "runs draw their growth");
        for (CsvTable.Row r : runs) {
            double g = Double.parseDouble(r.get("monthly_growth").replace("%", ""));
            assertTrue(g >= 2 && g <= 8, r.get("monthly_growth"));
        }
        for (CsvTable.Row r : CsvTable.read(dir.resolve("t1/forecast.csv"))) {
            assertTrue(new BigDecimal(r.get("spend_p10")).compareTo(new BigDecimal(r.get("spend_p90"))) <= 0, r.cells().toString());
        }
    }

    @Test
    void theDayAVolumeBandIsReachedIsTheDayTheLedgerFirstUsesIt(@TempDir Path dir) throws Exception {
        Path rates = Files.createDirectories(dir.resolve("rates"));
        Files.writeString(rates.resolve("meta-rates-USD-2026-01-01.csv"), """
                market,currency,category,tier_from,tier_to,rate
                Brazil,USD,marketing,1,,0.0625
                Brazil,USD,utility,1,600,0.0068
                Brazil,USD,utility,601,5000,0.0050
                Brazil,USD,utility,5001,,0.0040
                Brazil,USD,authentication,1,,0.0068
                Brazil,USD,service,1,,0.0068
                """);
        ok("generate", "--scenario", "ecommerce-br", "--from", "2026-12-01", "--to", "2026-12-31", "--scale", "0.05",
                "--seed", "5", "--out", dir.resolve("log.csv").toString(), "-q");
        ok("simulate", dir.resolve("log.csv").toString(), "--rates", rates.toString(), "--time-zone", "America/Sao_Paulo",
                "--out", dir.resolve("sim").toString(), "-q");
        Run r = ok("forecast", "--scenario", "ecommerce-br", "--start", "2026-12-01", "--months", "1", "--runs", "1", "--seed", "5",
                "--scale", "0.05", "--fixed-parameters", "--rates", rates.toString(), "--time-zone", "America/Sao_Paulo", "--out", dir.resolve("fc").toString(), "-q");
        String firstInBand2 = null;
        for (CsvTable.Row row : CsvTable.read(dir.resolve("sim/ledger.csv"))) {
            if (row.get("tier").equals("601:5000")) {
                firstInBand2 = java.time.Instant.parse(row.get("charged_at")).atZone(java.time.ZoneId.of("America/Sao_Paulo")).toLocalDate().toString();
                break;
            }
        }
        assertTrue(firstInBand2 != null, "the simulated month reaches the second band");
        Map<String, CsvTable.Row> bands = new TreeMap<>();
        for (CsvTable.Row row : CsvTable.read(dir.resolve("fc/bands.csv"))) bands.put(row.get("category") + " " + row.get("band"), row);
        assertEquals(firstInBand2, bands.get("utility 601:5000").get("expected_date"));
        assertEquals("1.000", bands.get("utility 601:5000").get("runs_reached_share"));
        assertEquals("not reached", bands.get("utility 5001:MAX").get("expected_date"));
        assertEquals("0.000", bands.get("utility 5001:MAX").get("runs_reached_share"));
        assertTrue(r.out().contains("2026-12 Brazil utility band 601:5000 (rate 0.0050): " + firstInBand2 + " in 100% of runs"), r.out());
    }

    @Test
    void generateWritesTheSameLogPlainOrCompressedAndForTheSameSeedTheSameBytes(@TempDir Path dir) throws Exception {
        String[] base = {"generate", "--scenario", "support-heavy-gb", "--from", "2026-12-01", "--to", "2026-12-03", "--scale", "0.05", "--seed", "2", "-q", "--out"};
        Run r = ok(concat(base, dir.resolve("a.csv").toString()));
        ok(concat(base, dir.resolve("b.csv").toString()));
        ok(concat(base, dir.resolve("c.csv.gz").toString()));
        assertTrue(r.out().contains("Wrote:\n  " + dir.resolve("a.csv")), r.out());
        byte[] plain = Files.readAllBytes(dir.resolve("a.csv"));
        assertArrayEquals(plain, Files.readAllBytes(dir.resolve("b.csv")));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("c.csv.gz")))) {
            assertArrayEquals(plain, in.readAllBytes());
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "no temporary file is left");
        }
    }

    @Test
    void aLogMadeByGenerateCanBeFittedSavedAndForecastFrom(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("history.csv.gz");
        ok("generate", "--scenario", "ecommerce-br", "--from", "2026-10-01", "--to", "2026-10-28", "--scale", "0.05", "--seed", "4",
                "--out", log.toString(), "-q");
        Run fit = ok("generate", "--fit", log.toString(), "--time-zone", "America/Sao_Paulo", "--save", dir.resolve("params.yaml").toString());
        assertTrue(fit.out().contains("Brazil"), fit.out());
        assertTrue(Files.readString(dir.resolve("params.yaml")).contains("time_zone: America/Sao_Paulo"));
        ok("generate", "--scenario", dir.resolve("params.yaml").toString(), "--from", "2026-12-01", "--to", "2026-12-02",
                "--out", dir.resolve("again.csv").toString(), "-q");
        Run fc = ok("forecast", "--fit", log.toString(), "--time-zone", "America/Sao_Paulo", "--months", "1", "--runs", "2",
                "--out", dir.resolve("fc").toString(), "-q");
        assertTrue(fc.out().contains("1 month from 2026-11-01"), "the forecast starts the month after the log: " + fc.out());
        List<String> markets = new ArrayList<>();
        for (CsvTable.Row r : CsvTable.read(dir.resolve("fc/forecast.csv"))) markets.add(r.get("market"));
        assertTrue(markets.contains("Brazil"), markets.toString());
    }

    @Test
    void aBrokenScenarioFileStopsWithItsLineColumnAndKey(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "markets:\n  - market: Brazil\n    customers: many\n");
        Run r = wabill("forecast", "--scenario", bad.toString(), "--start", "2026-12-01", "--out", dir.resolve("fc").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(bad + ":3:16: markets[0].customers: expected a whole number from 0 to 1000000000, was 'many'"), r.err());
        assertTrue(!r.err().contains("at io.wabill"), "no stack trace");
        Run none = wabill("forecast", "--months", "2");
        assertEquals(2, none.exit(), "no scenario is a usage error");
        Run unknown = wabill("generate", "--scenario", "retail-xx", "--from", "2026-12-01", "--to", "2026-12-02", "--out", dir.resolve("x.csv").toString());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("presets: ecommerce-br, fintech-otp-in, support-heavy-gb, multi-market-global"), unknown.err());
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    static LocalDate day(String s) { return LocalDate.parse(s); }

    static BigDecimal spend(Path forecastCsv, String category) throws Exception {
        BigDecimal t = BigDecimal.ZERO;
        for (CsvTable.Row r : CsvTable.read(forecastCsv))
            if (r.get("category").equals(category)) t = t.add(new BigDecimal(r.get("spend_mean")));
        return t;
    }

    @Test
    void aStrategyShapesEveryRunAndTheFanChartAndReportAreWritten(@TempDir Path dir) throws Exception {
        List<String> common = List.of("forecast", "--scenario", "ecommerce-br", "--start", "2026-12-01", "--months", "2",
                "--runs", "4", "--seed", "3", "--scale", "0.02", "-q");
        List<String> base = new ArrayList<>(common);
        base.addAll(List.of("--out", dir.resolve("base").toString()));
        ok(base.toArray(new String[0]));
        List<String> risky = new ArrayList<>(common);
        risky.addAll(List.of("--strategy", "reclassify:p=1", "--out", dir.resolve("risky").toString(),
                "--charts", dir.resolve("risky/charts").toString(), "--report", dir.resolve("risky").toString()));
        ok(risky.toArray(new String[0]));
        // Every utility template billed as marketing: the same traffic, no utility spend, more marketing spend.
        assertEquals(0, spend(dir.resolve("risky/forecast.csv"), "utility").signum());
        assertTrue(spend(dir.resolve("base/forecast.csv"), "utility").signum() > 0);
        assertTrue(spend(dir.resolve("risky/forecast.csv"), "marketing").compareTo(spend(dir.resolve("base/forecast.csv"), "marketing")) > 0);
        assertTrue(Files.size(dir.resolve("risky/charts/forecast-usd.svg")) > 1000);
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("risky/report.html").toFile());
        List<String> ids = new ArrayList<>();
        var sections = doc.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) ids.add(((org.w3c.dom.Element) sections.item(i)).getAttribute("id"));
        assertEquals(List.of("overview", "forecast", "bands", "inputs"), ids);
    }
}
