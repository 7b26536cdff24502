package io.wabill.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.report.LedgerFormat;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job against {@code wabill simulate} itself on a log with several portfolios, accounts in three zones, status
 * rows that come minutes after their message, failed sends and bad rows: the same ledger rows (as a set), the same
 * summary, accounting and errors, whatever the number of tasks.
 */
class SparkSimulateTest {
    @TempDir Path work;

    @Test void csvLedgerAndSummaryAreSimulates() throws IOException {
        TestLogs.Files2 in = TestLogs.write(work, 12_000, 4, 7);
        // Seven tasks for four portfolios: some price one portfolio alone, some none; only the log's clock, which
        // every task advances over, keeps the release order (and so the prices) of one reader.
        Runs.both(work, List.of(in.log().toString(), "--accounts", in.accounts().toString()),
                "--format", "csv", "--partitions", "7");
        Path w = work.resolve("wabill"), s = work.resolve("spark");
        List<String> expected = Runs.wabillLedger(w);
        assertTrue(expected.size() > 10_000, "a ledger row per message: " + expected.size());
        assertEquals(expected, Runs.sparkCsvLedger(s, Runs.header(w)));
        Runs.assertSameTables(w, s);
        assertTrue(Runs.text(s.resolve("tiers.csv")).lines().count() > 10, "tier counters of several portfolios");
        assertTrue(Runs.text(s.resolve("daily.csv")).lines().count() > 20, "days of several accounts");
        assertTrue(Runs.text(s.resolve("accounting.csv")).contains("status_rows_merged,"), "the log has status rows");
        assertNotEquals("0", mergedRows(s), "the log has status rows");
    }

    @Test void parquetLedgerHoldsSimulatesRowsByAccountAndLocalMonth() throws IOException {
        TestLogs.Files2 in = TestLogs.write(work, 4_000, 3, 11);
        Runs.both(work, List.of(in.log().toString(), "--accounts", in.accounts().toString()));
        Path w = work.resolve("wabill"), s = work.resolve("spark");
        List<String> expected = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(w.resolve("ledger.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                List<String> cells = new ArrayList<>();
                for (String c : LedgerFormat.COLUMNS) cells.add(c.equals("rate") ? plain(rec.get(c)) : rec.get(c));
                expected.add(String.join("|", cells));
            }
        }
        List<String> actual = new ArrayList<>();
        List<Row> rows = SparkTestSession.get().read().parquet(s.resolve("ledger").toString()).collectAsList();
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : LedgerFormat.COLUMNS) {
                Object v = row.getAs(c);
                cells.add(v == null ? "" : v instanceof Timestamp t ? t.toInstant().toString()
                        : c.equals("amount") ? LedgerFormat.amount((BigDecimal) v)
                        : c.equals("rate") ? plain(((BigDecimal) v).toPlainString()) : v.toString());
            }
            actual.add(String.join("|", cells));
            // partitioned by the account-local month of the row's evaluation instant
            assertTrue(((String) row.getAs("month")).matches("2026-(09|10)"), row.toString());
        }
        expected.sort(null);
        actual.sort(null);
        assertEquals(expected, actual);
        assertEquals(Runs.text(w.resolve("summary.csv")), Runs.text(s.resolve("summary.csv")));
        try (Stream<Path> months = Files.list(s.resolve("ledger").resolve("account=p0a1"))) {
            assertTrue(months.anyMatch(p -> p.getFileName().toString().startsWith("month=")), "folders by account and month");
        }
    }

    @Test void badRowsAreReportedNotLost() throws IOException {
        TestLogs.Files2 in = TestLogs.write(work, 2_000, 2, 3);
        List<String> lines = new ArrayList<>(Files.readAllLines(in.log(), StandardCharsets.UTF_8));
        lines.add(5, lines.get(5).replaceFirst("^[^,]*", "yesterday"));
        lines.add(9, lines.get(9).replace("p0a0", "p0a0").replaceFirst(",(inbound|outbound),", ",sideways,"));
        Path bad = work.resolve("bad.csv");
        Files.write(bad, lines, StandardCharsets.UTF_8);
        List<String> inputs = List.of(bad.toString(), "--accounts", in.accounts().toString());

        // stop (the default): both fail with the same message, and the job leaves no output behind
        List<String> stop = new ArrayList<>(List.of("simulate"));
        stop.addAll(inputs);
        stop.addAll(List.of("--out", work.resolve("stop").toString()));
        Runs.Outcome a = Runs.wabill(stop);
        Runs.Outcome b = Runs.spark(stop);
        assertEquals(1, a.code());
        assertEquals(1, b.code(), b.err());
        assertEquals(a.err().replace("wabill: ", "").trim(), b.err().replace("wabill-spark: ", "").trim());
        assertTrue(!Files.exists(work.resolve("stop").resolve("summary.csv")), "nothing committed");

        // skip: the same errors.csv and row accounting
        List<String> skip = new ArrayList<>(inputs);
        skip.addAll(List.of("--on-error", "skip"));
        Runs.both(work, skip, "--format", "csv");
        Path w = work.resolve("wabill"), s = work.resolve("spark");
        assertEquals(Runs.text(w.resolve("errors.csv")), Runs.text(s.resolve("errors.csv")));
        assertEquals(Runs.text(w.resolve("accounting.csv")), Runs.text(s.resolve("accounting.csv")));
        assertTrue(Runs.text(s.resolve("accounting.csv")).contains("rows_skipped,2"), Runs.text(s.resolve("accounting.csv")));
        assertEquals(Runs.wabillLedger(w), Runs.sparkCsvLedger(s, Runs.header(w)));
        assertEquals(Runs.text(w.resolve("summary.csv")), Runs.text(s.resolve("summary.csv")));
    }

    @Test void gzipLogsAndSeveralFilesReadAsSimulateReadsThem() throws IOException {
        TestLogs.Files2 in = TestLogs.write(work, 3_000, 2, 5);
        List<String> lines = Files.readAllLines(in.log(), StandardCharsets.UTF_8);
        Path first = work.resolve("first.csv.gz"), second = work.resolve("second.csv");
        int half = lines.size() / 2;
        try (var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
                Files.newOutputStream(first)), StandardCharsets.UTF_8))) {
            for (String l : lines.subList(0, half)) out.print(l + "\n");
        }
        List<String> rest = new ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(half, lines.size()));
        Files.write(second, rest, StandardCharsets.UTF_8);
        Runs.both(work, List.of(first.toString(), second.toString(), "--accounts", in.accounts().toString()), "--format", "csv");
        Path w = work.resolve("wabill"), s = work.resolve("spark");
        assertEquals(Runs.wabillLedger(w), Runs.sparkCsvLedger(s, Runs.header(w)));
        assertEquals(Runs.text(w.resolve("summary.csv")), Runs.text(s.resolve("summary.csv")));
    }

    @Test void parquetLogsAreReadAsTheSameRowsInCsv() throws IOException {
        TestLogs.Files2 in = TestLogs.write(work, 3_000, 3, 13);
        // The log as Parquet, one file in the CSV's row order, its timestamp column typed
        Path parquet = work.resolve("log-parquet");
        SparkTestSession.get().read().option("header", "true").csv(in.log().toString()).coalesce(1)
                .withColumn("timestamp", org.apache.spark.sql.functions.to_timestamp(org.apache.spark.sql.functions.col("timestamp")))
                .write().parquet(parquet.toString());
        List<String> w = new ArrayList<>(List.of("simulate", in.log().toString(), "--accounts", in.accounts().toString(),
                "--out", work.resolve("wabill").toString()));
        assertEquals(0, Runs.wabill(w).code());
        Runs.Outcome b = Runs.spark(List.of("simulate", parquet.toString(), "--accounts", in.accounts().toString(),
                "--out", work.resolve("spark").toString(), "--format", "csv"));
        assertEquals(0, b.code(), b.err());
        Path wo = work.resolve("wabill"), so = work.resolve("spark");
        assertEquals(Runs.wabillLedger(wo), Runs.sparkCsvLedger(so, Runs.header(wo)));
        assertEquals(Runs.text(wo.resolve("summary.csv")), Runs.text(so.resolve("summary.csv")));
        assertEquals(Runs.text(wo.resolve("accounting.csv")), Runs.text(so.resolve("accounting.csv")));
    }

    @Test void aNumberInTwoPortfoliosIsRefusedUnlessPricedInOneTask() throws IOException {
        TestLogs.Files2 in = TestLogs.write(work, 2_000, 2, 17);
        List<String> lines = new ArrayList<>(Files.readAllLines(in.log(), StandardCharsets.UTF_8));
        // one row of portfolio pf1's account p1a0 sent from a number of portfolio pf0
        int row = 1;
        while (!lines.get(row).endsWith(",p1a0")) row++;
        lines.set(row, lines.get(row).replace("551194000002", "551194000000"));
        Path log = work.resolve("shared-number.csv");
        Files.write(log, lines, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("simulate", log.toString(), "--accounts", in.accounts().toString(),
                "--out", work.resolve("refused").toString(), "--partitions", "2"));
        Runs.Outcome refused = Runs.spark(args);
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().contains("business number 551194000000 has rows in two portfolios (pf"), refused.err());

        Runs.both(work, List.of(log.toString(), "--accounts", in.accounts().toString()), "--format", "csv", "--partitions", "1");
        Path w = work.resolve("wabill"), s = work.resolve("spark");
        assertEquals(Runs.wabillLedger(w), Runs.sparkCsvLedger(s, Runs.header(w)));
        assertEquals(Runs.text(w.resolve("summary.csv")), Runs.text(s.resolve("summary.csv")));
    }

    @Test void anUnsortedLogIsHeldWholeAsSimulateHoldsIt() throws IOException {
        TestLogs.Files2 in = TestLogs.write(work, 3_000, 2, 29);
        List<String> lines = new ArrayList<>(Files.readAllLines(in.log(), StandardCharsets.UTF_8));
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        java.util.Collections.shuffle(rows, new java.util.Random(29));
        rows.add(0, lines.get(0));
        Path unsorted = work.resolve("unsorted.csv");
        Files.write(unsorted, rows, StandardCharsets.UTF_8);
        Runs.both(work, List.of(unsorted.toString(), "--accounts", in.accounts().toString()), "--format", "csv");
        Path w = work.resolve("wabill"), s = work.resolve("spark");
        assertEquals(Runs.wabillLedger(w), Runs.sparkCsvLedger(s, Runs.header(w)));
        assertEquals(Runs.text(w.resolve("summary.csv")), Runs.text(s.resolve("summary.csv")));
        assertEquals(Runs.text(w.resolve("accounting.csv")), Runs.text(s.resolve("accounting.csv")));
    }

    private static String mergedRows(Path out) throws IOException {
        for (String l : Files.readAllLines(out.resolve("accounting.csv")))
            if (l.startsWith("status_rows_merged,")) return l.substring(l.indexOf(',') + 1);
        return "";
    }

    private static String plain(String rate) {
        return rate.isEmpty() ? "" : new BigDecimal(rate).stripTrailingZeros().toPlainString();
    }
}
