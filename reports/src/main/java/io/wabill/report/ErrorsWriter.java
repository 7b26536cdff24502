package io.wabill.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes {@code errors.csv}: every skipped row with file, line, column, value and reason. */
public final class ErrorsWriter {
    public static final List<String> COLUMNS = List.of("file", "line", "column", "value", "reason");

    private ErrorsWriter() {}

    /** One error's cells. */
    public record Entry(String file, long line, String column, String value, String reason) {}

    public static void write(Writer out, CsvDialect dialect, List<Entry> errors) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
        for (Entry e : errors) {
            csv.text(e.file()).number(e.line()).text(e.column()).text(e.value()).text(e.reason());
            csv.endRow();
        }
        csv.close();
    }
}
