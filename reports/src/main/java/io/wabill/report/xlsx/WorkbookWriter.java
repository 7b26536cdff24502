package io.wabill.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a run's CSV files as one Excel workbook ({@code --xlsx FILE}): a totals pivot first, then one sheet per CSV
 * with typed cells ({@link CellKind}), a bold frozen header and a filter. Rows stream from the CSV into the sheet
 * and are flushed in blocks, and text is written inline (no shared-string table), so memory stays small whatever
 * the ledger's length. A CSV with more rows than an Excel sheet holds becomes a sheet with a note saying where the
 * CSV is. The workbook is written under a temporary name and renamed when complete.
 */
public final class WorkbookWriter {
    /** Rows of an Excel sheet, the header included. */
    public static final int EXCEL_ROWS = 1_048_576;
    private static final int FLUSH_EVERY = 4096;

    private final int maxDataRows;

    public WorkbookWriter() { this(EXCEL_ROWS - 1); }

    /** Tests lower the row limit to see the note without writing a million rows. */
    WorkbookWriter(int maxDataRows) { this.maxDataRows = maxDataRows; }

    public void write(Path xlsx, Pivot totals, List<SheetSource> sources) throws IOException {
        Path target = xlsx.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // A private staging name beside the target (created new, with the usual permissions), renamed when complete.
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                write(out, totals, sources);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes the workbook to {@code out} (a run's output set stages it and publishes it with the CSV files); the
     * stream is left open for the caller to close.
     */
    public void write(OutputStream out, Pivot totals, List<SheetSource> sources) throws IOException {
        Workbook wb = new Workbook(new java.io.FilterOutputStream(out) {
            @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

            @Override public void close() throws IOException { out.flush(); } // the caller closes (and commits) it
        }, "wabill", "1.0");
        if (totals != null) writeTotals(wb.newWorksheet(sheetName("totals")), totals);
        for (SheetSource s : sources) writeSheet(wb, s);
        wb.finish();
    }

    private void writeTotals(Worksheet ws, Pivot pivot) throws IOException {
        ws.inlineString(0, 0, pivot.title());
        ws.style(0, 0).bold().set();
        int row = 2;
        CellKind rowKind = CellKind.of(pivot.rowColumn());
        Map<String, TreeMap<String, TreeMap<String, BigDecimal>>> blocks = pivot.compute();
        if (blocks.isEmpty()) ws.inlineString(row, 0, "no rows in " + pivot.csv().getFileName());
        int widest = 1;
        for (Map.Entry<String, TreeMap<String, TreeMap<String, BigDecimal>>> block : blocks.entrySet()) {
            TreeSet<String> cols = Pivot.columns(block.getValue());
            widest = Math.max(widest, cols.size() + 2);
            ws.inlineString(row, 0, block.getKey().isEmpty() ? pivot.valueColumn() : pivot.valueColumn() + " in " + block.getKey());
            ws.style(row, 0).bold().set();
            row++;
            int c = 0;
            ws.inlineString(row, c++, pivot.rowColumn());
            for (String col : cols) ws.inlineString(row, c++, col);
            ws.inlineString(row, c, "total");
            for (int i = 0; i <= c; i++) ws.style(row, i).bold().set();
            row++;
            TreeMap<String, BigDecimal> columnTotals = new TreeMap<>();
            BigDecimal all = BigDecimal.ZERO;
            for (Map.Entry<String, TreeMap<String, BigDecimal>> r : block.getValue().entrySet()) {
                cell(ws, row, 0, rowKind, r.getKey(), null);
                BigDecimal rowTotal = BigDecimal.ZERO;
                c = 1;
                for (String col : cols) {
                    BigDecimal v = r.getValue().get(col);
                    if (v != null) {
                        amount(ws, row, c, v);
                        rowTotal = rowTotal.add(v);
                        columnTotals.merge(col, v, BigDecimal::add);
                    }
                    c++;
                }
                amount(ws, row, c, rowTotal);
                ws.style(row, c).format(CellKind.AMOUNT.format).bold().set();
                all = all.add(rowTotal);
                row++;
            }
            ws.inlineString(row, 0, "total");
            ws.style(row, 0).bold().set();
            c = 1;
            for (String col : cols) {
                amount(ws, row, c, columnTotals.getOrDefault(col, BigDecimal.ZERO));
                ws.style(row, c++).format(CellKind.AMOUNT.format).bold().set();
            }
            amount(ws, row, c, all);
            ws.style(row, c).format(CellKind.AMOUNT.format).bold().set();
            row += 2;
        }
        ws.inlineString(row, 0, "From " + pivot.csv().getFileName() + "; every other sheet is one CSV file of the run.");
        ws.style(row, 0).italic().set();
        ws.width(0, 34);
        for (int i = 1; i < widest; i++) ws.width(i, 16);
    }

    private static void amount(Worksheet ws, int row, int col, BigDecimal v) {
        ws.value(row, col, v);
        ws.style(row, col).format(CellKind.AMOUNT.format).set();
    }

    private void writeSheet(Workbook wb, SheetSource s) throws IOException {
        Worksheet ws = wb.newWorksheet(sheetName(s.sheet()));
        long rows = s.rows() >= 0 ? s.rows() : countRows(s.csv());
        if (rows > maxDataRows) {
            ws.inlineString(0, 0, s.published().getFileName() + " has " + String.format("%,d", rows) + " rows, more than an Excel sheet holds ("
                    + String.format("%,d", maxDataRows) + " below its header).");
            ws.inlineString(1, 0, "The whole table is in the CSV file: " + s.published().toAbsolutePath());
            ws.style(0, 0).bold().set();
            ws.width(0, 120);
            ws.finish();
            return;
        }
        try (Reader r = Files.newBufferedReader(s.csv(), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().get().parse(r)) {
            Layout layout = null;
            int row = 0;
            for (CSVRecord rec : p) {
                if (layout == null) {
                    layout = Layout.of(rec);
                    layout.writeHeader(ws);
                    row = 1;
                    continue;
                }
                layout.writeRow(ws, row++, rec);
                if (row % FLUSH_EVERY == 0) ws.flush();
            }
            if (layout != null) {
                ws.freezePane(0, 1);
                if (row > 1) ws.setAutoFilter(0, 0, layout.width() - 1);
            }
        }
        ws.finish();
    }

    /** Data rows of a CSV file (records, so a quoted line break does not count). */
    static long countRows(Path csv) throws IOException {
        long n = 0;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().get().parse(r)) {
            for (CSVRecord ignored : p) n++;
        }
        return Math.max(0, n - 1);
    }

    /** Excel's sheet names: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String name) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", "-");
        return clean.length() <= 31 ? clean : clean.substring(0, 31);
    }

    /** The sheet's columns: each CSV column with its kind; a mixed column is followed by its note column. */
    private record Layout(List<String> names, List<CellKind> kinds, List<Boolean> split) {
        static Layout of(CSVRecord header) {
            List<String> names = new ArrayList<>();
            List<CellKind> kinds = new ArrayList<>();
            List<Boolean> split = new ArrayList<>();
            for (String h : header) {
                String name = CsvCellsBack.header(h);
                names.add(name);
                kinds.add(CellKind.of(name));
                split.add(CellKind.SPLIT.contains(name));
            }
            return new Layout(names, kinds, split);
        }

        int width() {
            int w = 0;
            for (boolean s : split) w += s ? 2 : 1;
            return w;
        }

        void writeHeader(Worksheet ws) {
            int c = 0;
            for (int i = 0; i < names.size(); i++) {
                c = header(ws, c, names.get(i), kinds.get(i));
                if (split.get(i)) c = header(ws, c, names.get(i) + "_note", CellKind.TEXT);
            }
        }

        private static int header(Worksheet ws, int c, String name, CellKind kind) {
            ws.inlineString(0, c, name);
            ws.style(0, c).bold().set();
            int width = switch (kind) {
                case INSTANT -> 20;
                case TEXT -> 16;
                default -> 12;
            };
            ws.width(c, Math.max(width, name.length() + 3));
            return c + 1;
        }

        void writeRow(Worksheet ws, int row, CSVRecord rec) {
            int c = 0;
            for (int i = 0; i < names.size() && i < rec.size(); i++) {
                String v = rec.get(i);
                if (split.get(i)) {
                    // A day goes in the typed column; words ("not reached") in the note column beside it.
                    if (!cell(ws, row, c, kinds.get(i), v, null) && !v.isEmpty()) ws.inlineString(row, c + 1, v);
                    c += 2;
                } else {
                    cell(ws, row, c++, kinds.get(i), v, v);
                }
            }
        }
    }

    /**
     * Writes one typed cell; returns false when the value is not of the column's kind, after writing
     * {@code fallback} as text (or nothing when it is null). An empty CSV cell is an empty sheet cell.
     */
    static boolean cell(Worksheet ws, int row, int col, CellKind kind, String v, String fallback) {
        if (v.isEmpty()) return true;
        try {
            switch (kind) {
                case TEXT -> ws.inlineString(row, col, CsvCellsBack.text(v));
                case INTEGER -> ws.value(row, col, Long.parseLong(v));
                case AMOUNT, RATE, DECIMAL -> ws.value(row, col, new BigDecimal(v));
                case PERCENT_TEXT -> {
                    if (!v.endsWith("%")) throw new NumberFormatException(v);
                    ws.value(row, col, new BigDecimal(v.substring(0, v.length() - 1)).movePointLeft(2));
                }
                case DATE -> ws.value(row, col, LocalDate.parse(v));
                case MONTH -> ws.value(row, col, YearMonth.parse(v).atDay(1));
                case INSTANT -> ws.value(row, col, LocalDateTime.ofInstant(Instant.parse(v), ZoneOffset.UTC));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            if (fallback != null) ws.inlineString(row, col, CsvCellsBack.text(fallback));
            return false;
        }
        if (kind.format != null) ws.style(row, col).format(kind.format).set();
        return true;
    }
}
