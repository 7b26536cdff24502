package io.wabill.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes {@code errors.csv}: every skipped row with file, line, column, value and reason, as they come. */
public final class ErrorsWriter implements AutoCloseable {
    public static final List<String> COLUMNS = List.of("file", "line", "column", "value", "reason");

    /** One error's cells. */
    public record Entry(String file, long line, String column, String value, String reason) {}

    private final CsvWriter csv;

    public ErrorsWriter(Writer out, CsvDialect dialect) throws IOException {
        this.csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
    }

    public void add(Entry e) throws IOException {
        csv.text(e.file()).number(e.line()).text(e.column()).text(e.value()).text(e.reason());
        csv.endRow();
    }

    @Override public void close() throws IOException { csv.close(); }

    public static void write(Writer out, CsvDialect dialect, List<Entry> errors) throws IOException {
        try (ErrorsWriter w = new ErrorsWriter(out, dialect)) {
            for (Entry e : errors) w.add(e);
        }
    }
}
