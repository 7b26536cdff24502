package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --charts}, {@code --report} and {@code --focus} on {@code simulate}, and the demo's defaults. */
class ReportingOptionsTest {
    static final String LOG = String.join("\n",
            "timestamp,message_id,business,customer,direction,kind,category,template,account",
            "2026-09-30T15:00:00Z,w1,5511940000001,5511987600001,outbound,template,utility,ship,=acct",
            "2026-10-01T15:00:00Z,w2,5511940000001,5511987600001,outbound,template,marketing,offer,=acct",
            "2026-10-02T15:00:00Z,,5511940000001,919876500001,inbound,message,,,=acct",
            "2026-10-02T15:01:00Z,w3,5511940000001,919876500001,outbound,free_form,,,=acct",
            "2026-10-02T15:02:00Z,w4,5511940000001,919876500001,outbound,template,authentication,otp,=acct", "");

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""))).getRecords();
    }

    static BigDecimal sum(List<CSVRecord> rows, String column) {
        return rows.stream().map(r -> new BigDecimal(r.get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void simulateWritesChartsReportAndFocusAndPrintsTheirPaths(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, LOG);
        Path out = dir.resolve("out"), charts = dir.resolve("charts"), focus = dir.resolve("finops/focus.csv");
        Run r = run("simulate", log.toString(), "--time-zone", "America/Sao_Paulo", "--out", out.toString(),
                "--charts", charts.toString(), "--report", out.toString(), "--focus", focus.toString(),
                "--chart-size", "640x400", "--csv-dialect", "excel", "-q");
        assertEquals(0, r.code(), r.err());
        for (Path p : List.of(out.resolve("report.html"), focus, charts.resolve("monthly-spend.png"),
                charts.resolve("monthly-spend.svg"), charts.resolve("daily-cost.svg"), out.resolve("daily.csv"),
                out.resolve("tiers.csv"))) {
            assertTrue(Files.isRegularFile(p), p + " missing");
            assertTrue(r.out().contains(p.toString()), p + " not printed");
        }
        assertTrue(r.out().contains("Open the report: " + out.resolve("report.html")));
        try (Stream<Path> s = Files.list(charts)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
        }
        // The FOCUS total equals the ledger's; the account's text was neutralized like in every CSV.
        List<CSVRecord> ledger = csv(out.resolve("ledger.csv"));
        List<CSVRecord> focusRows = csv(focus);
        assertEquals(0, sum(ledger, "amount").compareTo(sum(focusRows, "BilledCost")));
        assertTrue(sum(ledger, "amount").signum() > 0);
        assertEquals("'=acct", focusRows.get(0).get("SubAccountId"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("bundled: 766 rows, 47 markets"),
                "the report names the cards used with their source");
    }

    @Test
    void aBadChartSizeIsAUsageError(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, LOG);
        Run r = run("simulate", log.toString(), "--out", dir.toString(), "--charts", dir.toString(), "--chart-size", "big");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("WIDTHxHEIGHT"), r.err());
    }

    @Test
    void theDemoWritesItsChartsAndReportAndSaysWhere(@TempDir Path dir) throws Exception {
        Run r = run("demo", "--out", dir.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        Path demo = dir.resolve("demo");
        assertTrue(Files.isRegularFile(demo.resolve("report.html")));
        assertTrue(Files.isRegularFile(demo.resolve("focus.csv")));
        assertTrue(Files.isRegularFile(demo.resolve("charts/daily-cost.png")));
        assertTrue(r.out().contains("Open the report: " + demo.resolve("report.html")), r.out());
        assertTrue(r.out().contains("Charts: " + demo.resolve("charts")), r.out());
    }
}
