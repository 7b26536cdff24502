package io.wabill.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV rows with RFC 4180 quoting (a cell is quoted only when it holds a comma, quote or line break)
 * into a buffered writer, without a per-cell object: ledgers have a row per message.
 */
public final class CsvWriter implements AutoCloseable {
    private final Writer out;
    private final String lineEnd;
    private boolean firstCell = true;

    public CsvWriter(Writer out, CsvDialect dialect) throws IOException {
        this.out = out;
        this.lineEnd = dialect.lineEnd();
        if (dialect.bom()) out.write('\uFEFF');
    }

    /** A text cell from input or free text: neutralized for spreadsheets, then quoted as needed. */
    public CsvWriter text(String value) throws IOException {
        return raw(CsvCells.text(value));
    }

    /**
     * A cell wabill formatted itself (numbers, instants, vocabulary): quoted as needed; neutralized only when its
     * shape could start a formula (a date past the year 9999 starts with {@code +}, see {@link CsvCells#formatted}).
     */
    public CsvWriter raw(String value) throws IOException {
        value = CsvCells.formatted(value);
        if (!firstCell) out.write(',');
        firstCell = false;
        if (value == null || value.isEmpty()) return this;
        if (needsQuotes(value)) {
            out.write('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') out.write('"');
                out.write(c);
            }
            out.write('"');
        } else {
            out.write(value);
        }
        return this;
    }

    public CsvWriter number(long value) throws IOException {
        return raw(Long.toString(value));
    }

    public void endRow() throws IOException {
        out.write(lineEnd);
        firstCell = true;
    }

    public void row(String... rawCells) throws IOException {
        for (String c : rawCells) raw(c);
        endRow();
    }

    private static boolean needsQuotes(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
        }
        return false;
    }

    @Override public void close() throws IOException { out.close(); }
}
