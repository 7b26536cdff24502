package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.samples.DemoLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --fees --tax}: each scenario's fees and tax are worked out on its own ledger as simulate works them
 * out, shown in scenarios.csv after Meta's amounts and in every ledger; Meta's amounts and deltas stay as they were,
 * and the paid delta adds what the fees and tax change.
 */
class CompareBillAsPaidTest {
    @TempDir static Path work;
    static Path log, fees;
    static final List<String> STRATEGIES = List.of("--strategy", "conversation-first:defer=12h", "--strategy", "reclassify:p=0.5");

    @BeforeAll
    static void inputs() throws Exception {
        log = work.resolve("demo.csv.gz");
        DemoLog.write(log);
        fees = work.resolve("fees.csv");
        // A percentage on marketing, so reclassifying utility as marketing costs fees too; a flat fee on the rest.
        Files.writeString(fees, String.join("\n", "from,category,per_message,percent,currency",
                "2026-01-01,*,0.001,,USD", "2026-10-01,*,0.0012,,USD", "2026-01-01,marketing,0.002,3,USD", ""));
    }

    private static CliRun compare(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("compare", log.toString(), "--time-zone", "America/Sao_Paulo", "--quiet",
                "--ledgers", "--out", out.toString()));
        args.addAll(STRATEGIES);
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.describe());
        return r;
    }

    private static BigDecimal dec(CsvTable.Row r, String column) { return new BigDecimal(r.get(column)); }

    @Test
    void eachScenarioPaysItsOwnFeesAndTaxBesideMetasUnchangedAmounts() throws Exception {
        Path plain = work.resolve("plain"), paid = work.resolve("paid"), sim = work.resolve("sim");
        compare(plain);
        CliRun r = compare(paid, "--fees", fees.toString(), "--tax", "18%", "--report", paid.toString());
        assertTrue(r.out().contains("Bill as paid"), r.out());
        assertTrue(Files.readString(paid.resolve("report.html")).contains("id=\"bill-table\""), "the report shows the bill as paid");

        List<String> plainHeader = List.of(Files.readAllLines(plain.resolve("scenarios.csv")).get(0).split(","));
        List<String> paidHeader = List.of(Files.readAllLines(paid.resolve("scenarios.csv")).get(0).split(","));
        List<String> expected = new ArrayList<>(plainHeader);
        expected.addAll(plainHeader.indexOf("delta_pct") + 1,
                List.of("fees", "tax", "total_paid", "baseline_total_paid", "delta_paid", "delta_paid_pct"));
        assertEquals(expected, paidHeader, "the paid columns come right after Meta's amounts");

        Map<String, CsvTable.Row> before = new HashMap<>();
        for (CsvTable.Row row : CsvTable.read(plain.resolve("scenarios.csv"))) before.put(row.get("scenario"), row);
        List<CsvTable.Row> ranked = CsvTable.read(paid.resolve("scenarios.csv"));
        assertEquals(before.size(), ranked.size());
        Map<String, CsvTable.Row> byName = new HashMap<>();
        for (CsvTable.Row row : ranked) byName.put(row.get("scenario"), row);
        BigDecimal previous = null;
        boolean feesMoveTheDelta = false;
        for (CsvTable.Row row : ranked) {
            CsvTable.Row old = before.get(row.get("scenario"));
            for (String column : plainHeader)
                if (!column.equals("rank"))
                    assertEquals(old.get(column), row.get(column), row.get("scenario") + " " + column + ": Meta's figures untouched");
            // The scenario's own ledger (ledger-N is rank N) holds its fees and tax, row by row.
            BigDecimal fee = BigDecimal.ZERO, tax = BigDecimal.ZERO, meta = BigDecimal.ZERO;
            for (CsvTable.Row l : CsvTable.read(paid.resolve("ledger-" + row.get("rank") + ".csv"))) {
                BigDecimal a = dec(l, "amount"), f = dec(l, "fee"), t = dec(l, "tax");
                assertEquals(0, a.add(f).multiply(new BigDecimal("0.18")).setScale(8, RoundingMode.HALF_EVEN).compareTo(t));
                assertEquals(0, a.add(f).add(t).compareTo(dec(l, "total")));
                if (!l.get("currency").equals(row.get("currency"))) continue;
                fee = fee.add(f);
                tax = tax.add(t);
                meta = meta.add(a);
            }
            assertEquals(0, meta.compareTo(dec(row, "total")), row.get("scenario"));
            assertEquals(0, fee.compareTo(dec(row, "fees")), row.get("scenario") + ": fees are its ledger's sum");
            assertEquals(0, tax.compareTo(dec(row, "tax")), row.get("scenario"));
            BigDecimal totalPaid = meta.add(fee).add(tax);
            assertEquals(0, totalPaid.compareTo(dec(row, "total_paid")));
            CsvTable.Row baseline = byName.get("as-logged | " + row.get("regime") + " | " + row.get("card"));
            assertEquals(0, dec(baseline, "total_paid").compareTo(dec(row, "baseline_total_paid")));
            assertEquals(0, totalPaid.subtract(dec(row, "baseline_total_paid")).compareTo(dec(row, "delta_paid")));
            if (dec(row, "delta_paid").compareTo(dec(row, "delta")) != 0) feesMoveTheDelta = true;
            if (previous != null) assertTrue(previous.compareTo(totalPaid) <= 0, "ranked by the total paid");
            previous = totalPaid;
        }
        assertTrue(feesMoveTheDelta, "a strategy that changes categories changes fees and tax, not only Meta's amount");

        // as-logged pays exactly what simulate --fees --tax says, ledger byte for byte.
        CliRun s = CliRun.simulate(List.of(log), sim, "--time-zone", "America/Sao_Paulo", "--fees", fees.toString(), "--tax", "18%");
        assertEquals(0, s.exitCode(), s.describe());
        CsvTable.Row asLogged = ranked.stream().filter(x -> x.get("strategy").equals("as-logged")).findFirst().orElseThrow();
        assertEquals(Files.readString(sim.resolve("ledger.csv")),
                Files.readString(paid.resolve("ledger-" + asLogged.get("rank") + ".csv")));
        assertNotEquals(Files.readString(plain.resolve("ledger-1.csv")), Files.readString(paid.resolve("ledger-1.csv")));
    }

    @Test
    void aBadTaxIsRefusedBeforeAnythingIsWritten() {
        CliRun r = CliRun.of("compare", log.toString(), "--strategy", "window-aware-utility", "--tax", "lots",
                "--out", work.resolve("bad").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.describe());
        assertTrue(r.err().contains("--tax"), r.err());
        assertTrue(!Files.exists(work.resolve("bad").resolve("scenarios.csv")));
    }
}
