package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that once escaped a run's output set are members of it: the {@code --xlsx} workbook of simulate, compare and
 * forecast, and a backtest's {@code actual/} tables. Each is staged, published with the rest, named in run.json, and
 * absent when the run fails; a later run that does not write it removes it.
 */
class OutputSetMembersTest {
    static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category,status";

    @TempDir Path work;

    private Path log(boolean bad) throws IOException {
        List<String> rows = new ArrayList<>(List.of(HEADER,
                "2026-10-01T09:00:00Z,m1,5511940000001,5511987600001,outbound,template,utility,",
                "2026-10-01T09:01:00Z,m2,5511940000001,5511987600002,outbound,template,marketing,"));
        if (bad) rows.add("2026-10-01T09:02:00Z,m3,5511940000001,5511987600003,sideways,template,utility,");
        return Files.writeString(work.resolve(bad ? "bad.csv" : "good.csv"), String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    }

    private static List<String> paths(JsonNode manifest) {
        List<String> paths = new ArrayList<>();
        for (JsonNode f : manifest.get("files")) paths.add(f.get("path").asText());
        return paths;
    }

    private static List<String> sheets(Path xlsx) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
            return wb.getSheets().map(Sheet::getName).toList();
        }
    }

    private static List<Path> staging(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".wabill-run-")).toList();
        }
    }

    @Test
    void theWorkbookIsPublishedWithTheRunNamedInRunJsonAndRemovedByALaterRunWithoutIt() throws Exception {
        Path out = work.resolve("out");
        CliRun r = CliRun.simulate(List.of(log(false)), out, "--xlsx", out.resolve("book.xlsx").toString());
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode m = OutputSetsTest.assertManifestMatches(out);
        assertEquals("book.xlsx", paths(m).get(paths(m).size() - 1), "built last, from the closed CSV files: " + paths(m));
        assertEquals(List.of("totals", "summary", "daily", "tiers", "accounting", "ledger"), sheets(out.resolve("book.xlsx")));
        assertTrue(r.out().contains("Workbook: " + out.resolve("book.xlsx")), r.out());

        CliRun again = CliRun.simulate(List.of(log(false)), out);
        assertEquals(0, again.exitCode(), again.describe());
        assertFalse(Files.exists(out.resolve("book.xlsx")), "the earlier run's workbook does not outlive it");
        OutputSetsTest.assertManifestMatches(out);
    }

    @Test
    void aWorkbookElsewhereIsLockedAndListedAndAFailedRunLeavesNone() throws Exception {
        Path out = work.resolve("out"), books = work.resolve("books");
        CliRun failed = CliRun.simulate(List.of(log(true)), out, "--xlsx", books.resolve("book.xlsx").toString());
        assertEquals(1, failed.exitCode(), failed.describe());
        assertFalse(Files.exists(books.resolve("book.xlsx")), "a failed run leaves no workbook");
        assertEquals(List.of(), staging(work));

        CliRun ok = CliRun.simulate(List.of(log(true)), out, "--on-error", "skip", "--xlsx", books.resolve("book.xlsx").toString());
        assertEquals(0, ok.exitCode(), ok.describe());
        JsonNode m = OutputSetsTest.assertManifestMatches(out);
        assertTrue(paths(m).contains("../books/book.xlsx"), paths(m).toString());
        assertTrue(Files.exists(books.resolve(OutputSetsTest.LOCK)), "the workbook's folder is locked with the run");
        assertEquals(List.of("totals", "summary", "daily", "tiers", "accounting", "errors", "ledger"), sheets(books.resolve("book.xlsx")));
    }

    @Test
    void aWorkbookTargetThatIsAFolderOrAnOutputOfTheRunFailsBeforeAnythingIsWritten() throws Exception {
        Path out = work.resolve("out");
        CliRun clash = CliRun.simulate(List.of(log(false)), out, "--xlsx", out.resolve("summary.csv").toString());
        assertEquals(1, clash.exitCode(), clash.describe());
        assertTrue(clash.err().contains("--xlsx " + out.resolve("summary.csv") + " is also where this run writes summary.csv"), clash.err());
        assertFalse(Files.exists(out.resolve("summary.csv")));
        Files.createDirectories(work.resolve("folder.xlsx"));
        CliRun folder = CliRun.simulate(List.of(log(false)), out, "--xlsx", work.resolve("folder.xlsx").toString());
        assertEquals(1, folder.exitCode(), folder.describe());
        assertTrue(folder.err().contains("is a folder"), folder.err());
        assertFalse(Files.exists(out.resolve("run.json")));
    }

    @Test
    void compareAndForecastListTheirWorkbooks() throws Exception {
        Path cmp = work.resolve("cmp");
        CliRun c = CliRun.of("compare", log(false).toString(), "--strategy", "window-aware-utility", "--ledgers", "--out", cmp.toString(),
                "--xlsx", cmp.resolve("compare.xlsx").toString(), "--quiet");
        assertEquals(0, c.exitCode(), c.describe());
        assertTrue(paths(OutputSetsTest.assertManifestMatches(cmp)).contains("compare.xlsx"));
        assertEquals(List.of("totals", "scenarios", "comparison", "ledger-1", "ledger-2"), sheets(cmp.resolve("compare.xlsx")),
                "the ledgers under their ranked names");
        Path fc = work.resolve("fc");
        CliRun f = CliRun.of("forecast", "--scenario", "multi-market-global", "--start", "2026-12-01", "--months", "1", "--runs", "2",
                "--scale", "0.01", "--out", fc.toString(), "--xlsx", fc.resolve("forecast.xlsx").toString(), "-q");
        assertEquals(0, f.exitCode(), f.describe());
        assertTrue(paths(OutputSetsTest.assertManifestMatches(fc)).contains("forecast.xlsx"));
        assertEquals(List.of("totals", "forecast", "bands", "runs"), sheets(fc.resolve("forecast.xlsx")));
    }

    @Test
    void aBacktestIsOneOutputSetWithItsActualsAndAFailedOneLeavesNoActuals() throws Exception {
        Path shortLog = work.resolve("short.csv"), log = work.resolve("history.csv");
        assertEquals(0, CliRun.of("generate", "--scenario", "ecommerce-br", "--from", "2026-01-01", "--to", "2026-02-28", "--scale",
                "0.01", "--out", shortLog.toString(), "-q").exitCode());
        Path bt = work.resolve("bt");
        CliRun refused = CliRun.of("forecast", "--backtest", shortLog.toString(), "--holdout", "2", "--time-zone", "America/Sao_Paulo",
                "--out", bt.toString(), "-q");
        assertEquals(1, refused.exitCode(), refused.describe());
        assertFalse(Files.exists(bt.resolve("actual/summary.csv")), "the log was priced, but the backtest failed: no actuals");
        assertEquals(List.of(), staging(work));

        assertEquals(0, CliRun.of("generate", "--scenario", "ecommerce-br", "--from", "2026-01-01", "--to", "2026-03-31", "--scale",
                "0.01", "--out", log.toString(), "-q").exitCode());
        CliRun r = CliRun.of("forecast", "--backtest", log.toString(), "--holdout", "1", "--runs", "2", "--time-zone",
                "America/Sao_Paulo", "--out", bt.toString(), "--xlsx", bt.resolve("backtest.xlsx").toString(), "-q");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode m = OutputSetsTest.assertManifestMatches(bt);
        assertTrue(paths(m).containsAll(List.of("actual/summary.csv", "actual/accounting.csv", "backtest.csv",
                "backtest-summary.csv", "forecast.csv", "runs.csv", "backtest.xlsx")), paths(m).toString());
        assertFalse(Files.exists(bt.resolve("actual/run.json")), "one manifest for the whole backtest");
        assertEquals(m.get("rows").get("rows_in").asLong(), m.get("rows").get("ledger_rows").asLong()
                + m.get("rows").get("status_rows_merged").asLong() + m.get("rows").get("rows_skipped").asLong());
        assertEquals(2, m.get("rows").get("runs").asLong());
        assertEquals(List.of("totals", "backtest", "backtest-summary", "forecast", "runs"), sheets(bt.resolve("backtest.xlsx")));

        for (String option : List.of("--charts", "--report")) {
            CliRun ignored = CliRun.of("forecast", "--backtest", log.toString(), option, work.resolve("x").toString(),
                    "--out", bt.toString(), "-q");
            assertEquals(2, ignored.exitCode(), ignored.describe());
            assertTrue(ignored.err().contains(option + " does not apply to --backtest"), ignored.err());
        }
    }

    @Test
    void aBacktestSkipsBadRowsWithOnErrorSkipAndListsThemInItsSet() throws Exception {
        Path log = work.resolve("history.csv");
        assertEquals(0, CliRun.of("generate", "--scenario", "ecommerce-br", "--from", "2026-01-01", "--to", "2026-03-31", "--scale",
                "0.01", "--out", log.toString(), "-q").exitCode());
        java.nio.file.Files.writeString(log, "2026-03-31T23:00:00Z,bad1,15550100001,5511987600001,sideways,template,utility,,,,,\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        long line = Files.readAllLines(log).size();
        Path bt = work.resolve("bt");
        List<String> args = List.of("forecast", "--backtest", log.toString(), "--holdout", "1", "--runs", "2", "--time-zone",
                "America/Sao_Paulo", "--out", bt.toString(), "-q");
        CliRun stop = CliRun.of(args.toArray(new String[0]));
        assertEquals(1, stop.exitCode(), stop.describe());
        assertTrue(stop.err().contains("history.csv:" + line + " column direction"), stop.err());
        assertFalse(Files.exists(bt.resolve("backtest.csv")) || Files.exists(bt.resolve("actual/summary.csv")));

        List<String> skipping = new ArrayList<>(args);
        skipping.addAll(List.of("--on-error", "skip"));
        CliRun r = CliRun.of(skipping.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("Skipped: 1 row(s) of the log in pricing it (listed in actual/errors.csv); 1 in fitting it"), r.out());
        JsonNode m = OutputSetsTest.assertManifestMatches(bt);
        assertTrue(paths(m).containsAll(List.of("actual/errors.csv", "errors.csv")), paths(m).toString());
        assertEquals(1, m.get("rows").get("rows_skipped").asLong());
        assertEquals(1, m.get("rows").get("fit_rows_skipped").asLong());
        for (String errors : List.of("actual/errors.csv", "errors.csv")) {
            List<CsvTable.Row> rows = CsvTable.read(bt.resolve(errors));
            assertEquals(1, rows.size(), errors);
            assertEquals(Long.toString(line), rows.get(0).get("line"), errors);
        }
    }
}
