package io.wabill.data.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records read one at a time with every bound checked while the characters come in: a cell, a record and
 * a file can only grow to their limits before the read stops with a {@link BadInputException} that names the
 * file, the line and the column, so a 100 MB cell costs 100,000 characters of memory, not 100 MB. An unbalanced
 * quote is the same kind of input error, reported at the line where the quoted cell began.
 *
 * <p>The dialect is Commons CSV's RFC 4180 as the small tables always used it: comma, double quote, {@code ""} for
 * a quote inside quotes, CR, LF or CRLF ends a record, a blank line is a record of one empty cell, a quote in the
 * middle of an unquoted cell is an ordinary character. Text after a closing quote (other than a comma or the end
 * of the line) is an error, as there.
 */
public final class CsvRecords {
    /** How big a cell, a record and a whole file may be. */
    public record Limits(int maxCellChars, int maxRecordChars, int maxFields, long maxRecords, long maxChars) {}

    /** Rate cards, market maps, coverage, accounts: generous for real files, small enough for any heap. */
    public static final Limits TABLES = new Limits(100_000, 1_000_000, 200, 250_000, 16L << 20);

    private final Reader in;
    private final String file;
    private final Limits limits;
    private final StringBuilder cell = new StringBuilder();
    private long line = 1, recordLine, records, chars;
    private int pushedBack = -2;

    /** {@code in} should be buffered; a leading byte-order mark is skipped. */
    public CsvRecords(Reader in, String file, Limits limits) {
        this.in = in;
        this.file = file;
        this.limits = limits;
    }

    /** The line the last record returned began on (1-based). */
    public long line() { return recordLine; }

    /** The next record's cells, or null at the end of the input. */
    public List<String> next() throws IOException {
        int c = read();
        if (records == 0 && c == '\uFEFF') c = read();
        if (c == -1) return null;
        recordLine = line;
        if (++records > limits.maxRecords())
            throw new BadInputException(file, recordLine, "", "more than " + limits.maxRecords() + " rows, the most this file may hold");
        List<String> cells = new ArrayList<>();
        int recordChars = 0;
        while (true) {
            cell.setLength(0);
            if (cells.size() >= limits.maxFields())
                throw new BadInputException(file, recordLine, Integer.toString(cells.size() + 1),
                        "more than " + limits.maxFields() + " columns in one row");
            if (c == '"') {
                long quoteLine = line;
                while (true) {
                    c = read();
                    if (c == -1)
                        throw new BadInputException(file, quoteLine, Integer.toString(cells.size() + 1),
                                "a quoted cell is never closed (unbalanced \"); the file ends inside it");
                    if (c == '"') {
                        c = read();
                        if (c != '"') break;
                    }
                    if (c == '\n' || (c == '\r')) {
                        if (c == '\r') {
                            int d = read();
                            if (d == '\n') { append('\r', cells.size(), recordChars++); c = '\n'; }
                            else unread(d);
                        }
                        line++;
                    }
                    append((char) c, cells.size(), recordChars++);
                }
                if (c != ',' && c != '\n' && c != '\r' && c != -1)
                    throw new BadInputException(file, line, Integer.toString(cells.size() + 1),
                            "unexpected text after the closing quote of a cell (a quote inside a quoted cell is written \"\")");
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    append((char) c, cells.size(), recordChars++);
                    c = read();
                }
            }
            cells.add(cell.length() == 0 ? "" : cell.toString());
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r') {
                int d = read();
                if (d != '\n') unread(d);
            }
            if (c != -1) line++;
            return cells;
        }
    }

    private void append(char ch, int field, int recordChars) throws BadInputException {
        if (cell.length() >= limits.maxCellChars())
            throw new BadInputException(file, recordLine, Integer.toString(field + 1),
                    "a cell longer than " + limits.maxCellChars() + " characters");
        if (recordChars >= limits.maxRecordChars())
            throw new BadInputException(file, recordLine, "", "a row longer than " + limits.maxRecordChars() + " characters");
        cell.append(ch);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        int c = in.read();
        if (c != -1 && ++chars > limits.maxChars())
            throw new BadInputException(file, line, "", "larger than " + limits.maxChars() + " characters, the most this file may hold");
        return c;
    }

    private void unread(int c) { pushedBack = c; }
}
