package io.wabill.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook read back with fastexcel's reader: typed cells, split columns, frozen headers, the row-limit note. */
class WorkbookWriterTest {
    static List<Row> rows(ReadableWorkbook wb, String sheet) throws IOException {
        Sheet s = wb.findSheet(sheet).orElseThrow(() -> new AssertionError("no sheet " + sheet));
        return s.read();
    }

    static ReadableWorkbook open(Path xlsx) throws IOException {
        return new ReadableWorkbook(xlsx.toFile(), new ReadingOptions(true, false));
    }

    @Test
    void cellsAreTypedByColumnAndPhoneNumbersStayText(@TempDir Path dir) throws IOException {
        // The Excel dialect: a byte-order mark, CRLF, and an apostrophe before text a spreadsheet would run.
        Path ledger = dir.resolve("ledger.csv");
        Files.writeString(ledger, "\uFEFFmessage_id,timestamp,customer,amount,rate,note\r\n"
                + "m1,2026-10-01T15:00:00Z,5511940000001,0.0625,0.0625,D4\r\n"
                + "m2,2026-10-01T15:00:01Z,'+15551234567,0.0000,,'=not a formula\r\n", StandardCharsets.UTF_8);
        Path summary = dir.resolve("summary.csv");
        Files.writeString(summary, "month,billable_category,messages,amount,currency\n"
                + "2026-10,marketing,2,0.1250,USD\n2026-10,utility,1,0.0100,USD\n2026-11,marketing,1,0.0625,USD\n"
                + "2026-10,marketing,5,5.0000,BRL\n", StandardCharsets.UTF_8);
        Path xlsx = dir.resolve("out.xlsx");
        new WorkbookWriter().write(xlsx, new Pivot("Amount", summary, "month", "billable_category", "amount"),
                List.of(new SheetSource("summary", summary), new SheetSource("ledger", ledger)));

        try (ReadableWorkbook wb = open(xlsx)) {
            assertEquals(List.of("totals", "summary", "ledger"), wb.getSheets().map(Sheet::getName).collect(Collectors.toList()));
            List<Row> l = rows(wb, "ledger");
            assertEquals("message_id", l.get(0).getCellAsString(0).orElseThrow(), "the byte-order mark is gone");
            assertEquals(CellType.STRING, l.get(1).getCell(2).getType());
            assertEquals("5511940000001", l.get(1).getCell(2).asString());
            assertEquals("+15551234567", l.get(2).getCell(2).asString(), "the CSV's formula guard is not needed in a workbook");
            assertEquals("=not a formula", l.get(2).getCell(5).asString());
            assertEquals(CellType.NUMBER, l.get(1).getCell(3).getType());
            assertEquals(0, new BigDecimal("0.0625").compareTo(l.get(1).getCell(3).asNumber()));
            assertEquals(LocalDateTime.of(2026, 10, 1, 15, 0, 0), l.get(1).getCell(1).asDate());
            assertTrue(l.get(1).getCell(1).getDataFormatString().contains("hh:mm"), l.get(1).getCell(1).getDataFormatString());
            assertTrue(l.get(2).getCell(4) == null || l.get(2).getCell(4).getType() == CellType.EMPTY, "an empty CSV cell stays empty");

            List<Row> t = rows(wb, "totals");
            String all = t.stream().map(Row::toString).collect(Collectors.joining("\n"));
            // USD block: 2026-10 = 0.1350, 2026-11 = 0.0625, total 0.1975; BRL kept apart.
            assertTrue(all.contains("amount in BRL") && all.contains("amount in USD"), all);
            Row usdTotal = t.stream().filter(r -> r.getCellCount() > 3 && r.getCell(0) != null
                    && r.getCell(0).getType() == CellType.STRING && "total".equals(r.getCell(0).asString()))
                    .reduce((a, b) -> b).orElseThrow();
            assertEquals(0, new BigDecimal("0.1975").compareTo(usdTotal.getCell(3).asNumber()), usdTotal.toString());
            Row october = t.stream().filter(r -> r.getCell(0) != null && r.getCell(0).getType() == CellType.NUMBER)
                    .reduce((a, b) -> b).orElseThrow();
            assertEquals(LocalDate.of(2026, 11, 1), october.getCell(0).asDate().toLocalDate(), "months are dates");
        }
        assertTrue(sheetXml(xlsx, 3).contains("state=\"frozen\""), "the header row is frozen");
    }

    @Test
    void aColumnMixingDatesAndWordsIsSplitInTwo(@TempDir Path dir) throws IOException {
        Path bands = dir.resolve("bands.csv");
        Files.writeString(bands, "month,band,runs_reached_share,expected_date\n2026-12,1:100000,1.000,2026-12-01\n"
                + "2026-12,100001:,0.000,not reached\n", StandardCharsets.UTF_8);
        Path runs = dir.resolve("runs.csv");
        Files.writeString(runs, "run,seed,monthly_growth,spend,currency\n1,2,5%,10.0000,USD\n", StandardCharsets.UTF_8);
        Path xlsx = dir.resolve("f.xlsx");
        new WorkbookWriter().write(xlsx, null, List.of(new SheetSource("bands", bands), new SheetSource("runs", runs)));
        try (ReadableWorkbook wb = open(xlsx)) {
            List<Row> b = rows(wb, "bands");
            assertEquals("expected_date", b.get(0).getCellAsString(3).orElseThrow());
            assertEquals("expected_date_note", b.get(0).getCellAsString(4).orElseThrow());
            assertEquals(LocalDate.of(2026, 12, 1), b.get(1).getCell(3).asDate().toLocalDate());
            assertEquals(CellType.STRING, b.get(1).getCell(1).getType(), "a band label is text");
            assertTrue(b.get(2).getCell(3) == null || b.get(2).getCell(3).getType() == CellType.EMPTY);
            assertEquals("not reached", b.get(2).getCellAsString(4).orElseThrow());
            List<Row> r = rows(wb, "runs");
            assertEquals(0, new BigDecimal("0.05").compareTo(r.get(1).getCell(2).asNumber()), "5% is the number 0.05");
        }
    }

    @Test
    void aTableLongerThanASheetBecomesANoteWithTheCsvsPath(@TempDir Path dir) throws IOException {
        Path ledger = dir.resolve("ledger.csv");
        Files.writeString(ledger, "message_id,amount\nm1,1\nm2,2\nm3,3\n", StandardCharsets.UTF_8);
        Path xlsx = dir.resolve("w.xlsx");
        new WorkbookWriter(2).write(xlsx, null, List.of(new SheetSource("ledger", ledger)));
        try (ReadableWorkbook wb = open(xlsx)) {
            List<Row> l = rows(wb, "ledger");
            assertTrue(l.get(0).getCellAsString(0).orElseThrow().contains("3 rows"), l.get(0).toString());
            assertTrue(l.get(1).getCellAsString(0).orElseThrow().contains(ledger.toAbsolutePath().toString()));
        }
        assertEquals(List.of(xlsx), Files.list(dir).filter(p -> p.toString().endsWith("xlsx") || p.toString().endsWith(".part"))
                .collect(Collectors.toList()), "no temporary file is left");
    }

    @Test
    void sheetNamesFollowExcelsRules() {
        assertEquals("a-b-c", WorkbookWriter.sheetName("a/b:c"));
        assertEquals(31, WorkbookWriter.sheetName("x".repeat(40)).length());
    }

    static String sheetXml(Path xlsx, int n) throws IOException {
        try (ZipFile z = new ZipFile(xlsx.toFile()); InputStream in = z.getInputStream(z.getEntry("xl/worksheets/sheet" + n + ".xml"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
