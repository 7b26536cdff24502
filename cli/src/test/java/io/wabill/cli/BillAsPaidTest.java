package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.samples.DemoLog;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --fees and --tax: fee, tax and total columns appended to ledger and summary; Meta's amounts untouched. */
class BillAsPaidTest {
    @TempDir static Path work;
    static Path log, fees;

    @BeforeAll
    static void inputs() throws Exception {
        log = work.resolve("demo.csv.gz");
        DemoLog.write(log);
        fees = work.resolve("fees.csv");
        Files.writeString(fees, String.join("\n", "# a provider's price list",
                "from,category,per_message,percent,currency",
                "2026-01-01,*,0.001,,USD",
                "2026-10-01,*,0.0012,,USD",
                "2026-01-01,marketing,0.002,3,USD", ""));
    }

    @Test
    void feesAndTaxAreAppendedColumnsThatAddUpAndLeaveMetasAmountsAsTheyWere() throws Exception {
        Path plain = work.resolve("plain"), paid = work.resolve("paid");
        assertEquals(0, CliRun.simulate(List.of(log), plain, "--time-zone", "America/Sao_Paulo").exitCode());
        CliRun r = CliRun.simulate(List.of(log), paid, "--time-zone", "America/Sao_Paulo", "--fees", fees.toString(),
                "--tax", "18%", "--report", paid.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("as paid:"), r.out());

        List<String> a = Files.readAllLines(plain.resolve("ledger.csv")), b = Files.readAllLines(paid.resolve("ledger.csv"));
        assertEquals(a.size(), b.size());
        assertTrue(b.get(0).equals(a.get(0) + ",fee,tax,total"), b.get(0));
        List<CsvTable.Row> rows = CsvTable.read(paid.resolve("ledger.csv")), before = CsvTable.read(plain.resolve("ledger.csv"));
        BigDecimal fee = BigDecimal.ZERO, tax = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            CsvTable.Row row = rows.get(i);
            for (String column : before.get(i).cells().keySet())
                assertEquals(before.get(i).get(column), row.get(column), "line " + row.line() + " " + column);
            BigDecimal amount = new BigDecimal(row.get("amount")), f = new BigDecimal(row.get("fee")), t = new BigDecimal(row.get("tax"));
            assertEquals(0, amount.add(f).add(t).compareTo(new BigDecimal(row.get("total"))), "line " + row.line());
            assertEquals(0, amount.add(f).multiply(new BigDecimal("0.18")).setScale(8, java.math.RoundingMode.HALF_EVEN)
                    .compareTo(t), "line " + row.line());
            boolean delivered = row.get("direction").equals("outbound")
                    && !List.of("rejected", "undelivered").contains(row.get("pricing_type"));
            if (!delivered) assertEquals(0, f.signum(), "no fee without a delivered business message, line " + row.line());
            if (row.get("billable_category").equals("marketing"))
                assertEquals(0, f.compareTo(new BigDecimal("0.002").add(amount.multiply(new BigDecimal("0.03"))
                        .setScale(8, java.math.RoundingMode.HALF_EVEN))), "line " + row.line());
            else if (delivered && row.get("charged_at").compareTo("2026-10-01T03:00:00Z") >= 0)
                assertEquals(0, f.compareTo(new BigDecimal("0.0012")), "October's fee from its local first day, line " + row.line());
            fee = fee.add(f);
            tax = tax.add(t);
        }
        BigDecimal summaryFee = BigDecimal.ZERO, summaryTax = BigDecimal.ZERO;
        for (CsvTable.Row s : CsvTable.read(paid.resolve("summary.csv"))) {
            summaryFee = summaryFee.add(new BigDecimal(s.get("fee")));
            summaryTax = summaryTax.add(new BigDecimal(s.get("tax")));
        }
        assertEquals(0, fee.compareTo(summaryFee), "the summary's fees are the ledger's");
        assertEquals(0, tax.compareTo(summaryTax));
        String html = Files.readString(paid.resolve("report.html"));
        assertTrue(html.contains("id=\"bill-table\"") && html.contains("<th class=\"num\">fees</th>"), "Meta, fees, tax, total side by side");
    }

    @Test
    void aBadFeeScheduleIsNamedCellByCell() throws Exception {
        Path bad = work.resolve("bad-fees.csv");
        Files.writeString(bad, "from,category,per_message,percent,currency\n2026-13-01,marketing,0.001,,USD\n2026-01-01,calls,x,,USD\n");
        CliRun r = CliRun.simulate(List.of(log), work.resolve("bad"), "--fees", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.describe());
        assertTrue(r.err().contains("bad-fees.csv:2 column from") && r.err().contains("bad-fees.csv:3 column category")
                && r.err().contains("bad-fees.csv:3 column per_message"), r.err());
    }
}
