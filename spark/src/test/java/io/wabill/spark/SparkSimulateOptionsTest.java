package io.wabill.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's options that need more than one pass or more than the ledger, against {@code wabill simulate} itself:
 * whole-month NBP bands (A3: each task counts its portfolios' months first), masked customers, and the partition
 * each pricing session is given (Spark's own routing).
 */
class SparkSimulateOptionsTest {
    static final Path CONFORMANCE_RATES = Path.of("..", "cli", "src", "test", "resources", "conformance", "rates");

    @TempDir Path work;

    @Test void wholeMonthBandsPriceEachMonthAtItsFinalBandAsSimulateDoes() throws IOException {
        // NBP in September and October 2021 (a local month edge inside), on a card whose Brazil notification band
        // changes at the third template: whole-month bands reprice each month's first two templates. The card has no
        // Mexican, Indonesian or German rates: those messages are skipped into errors.csv, by both alike.
        TestLogs.Files2 in = TestLogs.write(work, 3_000, 3, 31, Instant.parse("2021-09-27T00:00:00Z"));
        List<String> inputs = List.of(in.log().toString(), "--accounts", in.accounts().toString(),
                "--rates", CONFORMANCE_RATES.toString(), "--nbp-bands", "WHOLE_MONTH", "--on-error", "skip");
        Runs.both(work, inputs, "--format", "csv", "--partitions", "3");
        Path w = work.resolve("wabill"), s = work.resolve("spark");
        assertEquals(Runs.wabillLedger(w), Runs.sparkCsvLedger(s, Runs.header(w)));
        Runs.assertSameTables(w, s);
        // the same skipped rows; simulate lists them as it meets them (a message no card prices, when it is priced),
        // the job by file and line
        assertEquals(sortedLines(w.resolve("errors.csv")), sortedLines(s.resolve("errors.csv")));
        assertTrue(Runs.text(s.resolve("errors.csv")).contains("no rates for market Mexico"));

        // and the option changed prices: graduated bands give another summary
        List<String> graduated = new ArrayList<>(List.of("simulate", in.log().toString(), "--accounts",
                in.accounts().toString(), "--rates", CONFORMANCE_RATES.toString(), "--on-error", "skip",
                "--out", work.resolve("graduated").toString()));
        assertEquals(0, Runs.wabill(graduated).code());
        assertNotEquals(Runs.text(work.resolve("graduated").resolve("summary.csv")), Runs.text(s.resolve("summary.csv")));
    }

    private static List<String> sortedLines(Path p) throws IOException {
        return java.nio.file.Files.readAllLines(p).stream().sorted().toList();
    }

    @Test void wholeMonthBandsOfALogHeldWholeAreSimulates() throws IOException {
        // unsorted: every task holds its rows, and counts them, whole
        TestLogs.Files2 in = TestLogs.write(work, 1_500, 2, 37, Instant.parse("2021-09-28T00:00:00Z"));
        List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(in.log()));
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        java.util.Collections.shuffle(rows, new java.util.Random(37));
        rows.add(0, lines.get(0));
        Path unsorted = work.resolve("unsorted.csv");
        java.nio.file.Files.write(unsorted, rows);
        Runs.both(work, List.of(unsorted.toString(), "--accounts", in.accounts().toString(), "--rates",
                CONFORMANCE_RATES.toString(), "--nbp-bands", "WHOLE_MONTH", "--on-error", "skip"), "--format", "csv");
        Path w = work.resolve("wabill"), s = work.resolve("spark");
        assertEquals(Runs.wabillLedger(w), Runs.sparkCsvLedger(s, Runs.header(w)));
        Runs.assertSameTables(w, s);
    }

    @Test void maskedCustomersAreSimulatesInCsvAndParquet() throws IOException {
        TestLogs.Files2 in = TestLogs.write(work, 1_500, 2, 41);
        List<String> inputs = List.of(in.log().toString(), "--accounts", in.accounts().toString(),
                "--mask-customers", "--mask-salt", "pepper");
        Runs.both(work, inputs, "--format", "csv");
        Path w = work.resolve("wabill"), s = work.resolve("spark");
        List<String> ledger = Runs.sparkCsvLedger(s, Runs.header(w));
        assertEquals(Runs.wabillLedger(w), ledger);
        Runs.assertSameTables(w, s);
        String customers = String.join("\n", ledger);
        assertTrue(customers.contains(",55-"), "masked numbers keep their calling code");
        for (String row : java.nio.file.Files.readAllLines(in.log()).subList(1, 50))
            assertFalse(customers.contains(row.split(",", -1)[3]), "no customer number in the clear: " + row);

        Runs.Outcome parquet = Runs.spark(List.of("simulate", in.log().toString(), "--accounts", in.accounts().toString(),
                "--mask-customers", "--mask-salt", "pepper", "--out", work.resolve("parquet").toString()));
        assertEquals(0, parquet.code(), parquet.err());
        List<String> masked = SparkTestSession.get().read().parquet(work.resolve("parquet").resolve("ledger").toString())
                .select("customer").distinct().as(Encoders.STRING()).collectAsList();
        List<String> expected = new ArrayList<>();
        for (String row : Runs.wabillLedger(w)) expected.add(row.split(",", -1)[5]);
        assertEquals(expected.stream().distinct().sorted().toList(), masked.stream().sorted().toList());
    }

    @Test void eachTaskOwnsThePortfoliosSparksHashPartitioningSendsIt() {
        List<String> names = new ArrayList<>(List.of("", "portfolio0", "pf1", "BR-retail", "São Paulo Ltda", "北京", "a,b"));
        for (int i = 0; i < 200; i++) names.add("p" + i);
        for (int n : new int[] {2, 3, 7, 64}) {
            List<Row> spark = SparkTestSession.get().createDataset(names, Encoders.STRING()).toDF("p")
                    .select(functions.col("p"), functions.pmod(functions.hash(functions.col("p")), functions.lit(n)))
                    .collectAsList();
            for (Row r : spark) {
                String p = r.getString(0);
                int task = r.getInt(1);
                assertEquals(task, TaskPortfolios.taskOf(p, n), p + " of " + n);
                assertTrue(new TaskPortfolios(n, task).owns(p));
                assertFalse(new TaskPortfolios(n, (task + 1) % n).owns(p));
            }
        }
    }
}
