package io.wabill.data.rates.meta;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the first sheet of an XLSX file (Meta's rate cards are also published as XLSX) into the same rows as
 * {@link CsvSheet}: one text cell per column, numbers as their exact decimal digits (a spreadsheet stores
 * {@code 0.0260} as {@code 0.026}; the value is the same), line numbers as the sheet's row numbers.
 */
final class XlsxSheet {
    private XlsxSheet() {}

    static boolean isXlsx(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    static List<SheetRow> read(Path file, int maxRows) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            Sheet sheet = wb.getFirstSheet();
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row r : (Iterable<Row>) stream::iterator) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < r.getCellCount(); i++) cells.add(text(r.getCell(i)));
                    rows.add(new SheetRow(r.getRowNum(), cells));
                    if (rows.size() >= maxRows) break;
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a readable XLSX file: " + e.getMessage(), e);
        }
        return rows;
    }

    private static String text(Cell c) {
        if (c == null) return "";
        return switch (c.getType()) {
            case NUMBER -> c.asNumber().toPlainString();
            case STRING, FORMULA, BOOLEAN, ERROR -> c.getText() == null ? "" : c.getText();
            default -> "";
        };
    }
}
