package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --xlsx} on simulate, compare and forecast, read back with fastexcel's reader. */
class XlsxOptionTest {
    static String ok(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, String.join(" ", args) + "\n" + out + err);
        return out.toString();
    }

    static String rates() throws Exception { return ConformanceTest.folder().resolve("rates").toString(); }

    static List<String> sheets(ReadableWorkbook wb) {
        return wb.getSheets().map(Sheet::getName).collect(Collectors.toList());
    }

    static List<Row> rows(ReadableWorkbook wb, String name) throws Exception {
        return wb.findSheet(name).orElseThrow().read();
    }

    static int column(Row header, String name) {
        for (int i = 0; i < header.getCellCount(); i++) if (name.equals(header.getCell(i).asString())) return i;
        throw new AssertionError("no column " + name + " in " + header);
    }

    @Test
    void simulateWritesTotalsThenOneTypedSheetPerCsv(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("book.xlsx");
        String out = ok("simulate", ConformanceTest.folder().resolve("pmp_markets.csv").toString(), "--rates", rates(), "--out", dir.resolve("out").toString(),
                "--csv-dialect", "EXCEL", "--xlsx", xlsx.toString(), "-q");
        assertTrue(out.contains("Workbook: " + xlsx), out);
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile(), new ReadingOptions(true, false))) {
            assertEquals(List.of("totals", "summary", "daily", "tiers", "accounting", "ledger"), sheets(wb));
            List<Row> ledger = rows(wb, "ledger");
            Row h = ledger.get(0);
            int customer = column(h, "customer"), amount = column(h, "amount"), business = column(h, "business"),
                    charged = column(h, "charged_at");
            BigDecimal sum = BigDecimal.ZERO;
            for (Row r : ledger.subList(1, ledger.size())) {
                assertEquals(CellType.STRING, r.getCell(customer).getType(), "customer numbers are text: " + r);
                assertEquals(CellType.STRING, r.getCell(business).getType());
                assertEquals(CellType.NUMBER, r.getCell(amount).getType());
                if (r.getCell(charged) != null && r.getCell(charged).getType() != CellType.EMPTY)
                    assertTrue(r.getCell(charged).asDate() != null, "charged_at is a date-time");
                sum = sum.add(r.getCell(amount).asNumber());
            }
            // The last cell of the last block of the totals sheet is the grand total: it equals the ledger.
            List<Row> totals = rows(wb, "totals");
            BigDecimal grand = null;
            for (Row r : totals)
                if (r.getCell(0) != null && r.getCell(0).getType() == CellType.STRING && "total".equals(r.getCell(0).asString()))
                    grand = r.getCell(r.getCellCount() - 1).asNumber();
            assertEquals(0, sum.compareTo(grand), sum + " vs " + grand);
        }
    }

    @Test
    void compareAndForecastWriteTheirTables(@TempDir Path dir) throws Exception {
        Path cx = dir.resolve("compare.xlsx");
        ok("compare", ConformanceTest.folder().resolve("pmp_markets.csv").toString(), "--rates", rates(), "--strategy", "window-aware-utility",
                "--out", dir.resolve("cmp").toString(), "--xlsx", cx.toString(), "-q");
        try (ReadableWorkbook wb = new ReadableWorkbook(cx.toFile())) {
            assertEquals(List.of("totals", "scenarios", "comparison"), sheets(wb));
            Row first = rows(wb, "scenarios").get(1);
            assertEquals(CellType.NUMBER, first.getCell(0).getType(), "rank is a number");
        }
        Path fx = dir.resolve("forecast.xlsx");
        ok("forecast", "--scenario", "multi-market-global", "--start", "2026-12-01", "--months", "1", "--runs", "2",
                "--scale", "0.02", "--out", dir.resolve("fc").toString(), "--xlsx", fx.toString(), "-q");
        try (ReadableWorkbook wb = new ReadableWorkbook(fx.toFile(), new ReadingOptions(true, false))) {
            assertEquals(List.of("totals", "forecast", "bands", "runs"), sheets(wb));
            List<Row> bands = rows(wb, "bands");
            int date = column(bands.get(0), "expected_date"), note = column(bands.get(0), "expected_date_note");
            assertEquals(date + 1, note);
            for (Row r : bands.subList(1, bands.size())) {
                boolean hasDate = r.getCell(date) != null && r.getCell(date).getType() == CellType.NUMBER;
                boolean hasNote = r.getCellCount() > note && r.getCell(note) != null && r.getCell(note).getType() == CellType.STRING;
                assertTrue(hasDate != hasNote, "a band has a day or a note, never both: " + r);
            }
        }
    }
}
