package io.wabill.data.log;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.Locale;

/**
 * An RFC 4180 record scanner for the canonical log's hot path: it leaves each record's cells in its own
 * char buffer as (start, end) slices, so reading a row creates no object until a caller asks for a cell
 * as a string. It reads exactly what Apache Commons CSV's {@code CSVFormat.RFC4180} reads (comma, double
 * quote, {@code ""} inside quotes, CR, LF or CRLF ends a record, quotes inside an unquoted cell are
 * literal, blanks after a closing quote are skipped) and counts lines and characters the same way, so the
 * log's error messages and line numbers do not depend on the reader. Commons CSV stays the reader of the
 * small tables (rate cards, accounts) and the baseline in the benchmarks.
 */
public final class CsvScanner {
    private static final int EOF = -1;
    /** A record starting closer than this to the end of the buffer moves to the front first. */
    private static final int COMPACT_BELOW = 1 << 13;

    private final Reader in;
    /** The most characters one record may span; past it the scanner stops instead of buffering the rest. */
    private final int maxRecord;
    private char[] buf;
    private int pos;
    private int limit;
    /** Where the current record starts in the buffer, for the record-length bound. */
    private int recordStart;
    private boolean inputDone;
    /** Characters dropped from the front of the buffer, for Commons CSV's character positions. */
    private long shifted;

    // Commons CSV's ExtendedBufferedReader bookkeeping: line ends read, and the last character read.
    private long lineNumber;
    private int lastChar = -2;
    /** The line the current record starts on. */
    private long recordLine;

    private int[] start = new int[32];
    private int[] end = new int[32];
    private int count;
    private int longest;
    private boolean nonAscii;

    public CsvScanner(Reader in) { this(in, 1 << 16, Integer.MAX_VALUE - 16); }

    /** A scanner that refuses records longer than {@code maxRecord} characters ({@link RecordTooLongException}). */
    public CsvScanner(Reader in, int maxRecord) { this(in, 1 << 16, maxRecord); }

    CsvScanner(Reader in, int bufferSize, int maxRecord) {
        if (maxRecord < 1) throw new IllegalArgumentException("maxRecord must be >= 1, was " + maxRecord);
        this.in = in;
        this.maxRecord = maxRecord;
        this.buf = new char[Math.max(16, Math.min(bufferSize, maxRecord + 16))];
    }

    /**
     * A record longer than the scanner's bound: almost always an unbalanced quote that swallowed the rest of the
     * file, or a file that is no log at all. Reading stops there, so such input never fills the heap.
     */
    public static final class RecordTooLongException extends IOException {
        private final long line;

        RecordTooLongException(long line, int maxRecord) {
            super(String.format(Locale.ROOT, "a row longer than %,d characters (an unbalanced quote, or not a CSV log?)",
                    maxRecord));
            this.line = line;
        }

        /** The line the record starts on. */
        public long line() { return line; }
    }

    /**
     * Reads the next record; false at the end of the input. Throws an {@link IOException} with Commons CSV's
     * message when a quoted cell is still open at the end of the input, or is followed by other text.
     */
    public boolean next() throws IOException {
        count = 0;
        longest = 0;
        nonAscii = false;
        if (lastChar == EOF) return false;
        if (limit - pos < COMPACT_BELOW) compact();
        recordStart = pos;
        recordLine = currentLine();
        boolean afterDelimiter = false;
        while (true) {
            int c = read();
            if (c == EOF) {
                if (!afterDelimiter) return false;
                add(pos, pos);
                return true;
            }
            if (c == ',') {
                add(pos, pos);
                afterDelimiter = true;
                continue;
            }
            if (c == '\r' || c == '\n') {
                endOfLine(c);
                add(pos, pos);
                return true;
            }
            int ended = c == '"' ? quoted() : simple(pos - 1, c);
            if (ended != ',') return true;
            afterDelimiter = true;
        }
    }

    /** The rest of an unquoted cell starting at {@code s}; quotes in it are plain characters. */
    private int simple(int s, int first) throws IOException {
        if (first >= 0x80) nonAscii = true;
        while (true) {
            if (pos == limit && !fillMore()) {
                add(s, pos);
                lastChar = 'x';
                count(EOF);
                return EOF;
            }
            char c = buf[pos++];
            if (c > ',' && c < 0x80) continue;
            if (c == ',') {
                add(s, pos - 1);
                lastChar = c;
                return ',';
            }
            if (c == '\r' || c == '\n') {
                add(s, pos - 1);
                lastChar = 'x';
                count(c);
                endOfLine(c);
                return '\n';
            }
            if (c >= 0x80) nonAscii = true;
        }
    }

    /** A quoted cell, unescaped in place in the buffer. */
    private int quoted() throws IOException {
        long startLine = currentLine();
        int s = pos;
        int w = pos;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new IOException(String.format("(startline %,d) EOF reached before encapsulated token finished",
                        startLine));
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    buf[w++] = '"';
                    continue;
                }
                while (true) {
                    int d = read();
                    if (d == ',') {
                        add(s, w);
                        return ',';
                    }
                    if (d == EOF) {
                        add(s, w);
                        return EOF;
                    }
                    if (d == '\r' || d == '\n') {
                        endOfLine(d);
                        add(s, w);
                        return '\n';
                    }
                    if (!Character.isWhitespace((char) d)) {
                        throw new IOException(String.format(Locale.getDefault(), "Invalid character between "
                                + "encapsulated token and delimiter at line: %,d, position: %,d", currentLine(), shifted + pos));
                    }
                }
            }
            if (c >= 0x80) nonAscii = true;
            buf[w++] = (char) c;
        }
    }

    /** After CR or LF: a CR followed by LF is one line end. */
    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') read();
    }

    private void add(int s, int e) {
        if (count == start.length) {
            start = Arrays.copyOf(start, count * 2);
            end = Arrays.copyOf(end, count * 2);
        }
        start[count] = s;
        end[count] = e;
        if (e - s > longest) longest = e - s;
        count++;
    }

    private int read() throws IOException {
        int c = pos < limit || fillMore() ? buf[pos++] : EOF;
        count(c);
        return c;
    }

    /** Counts line ends as Commons CSV does: CR, LF not after CR, and a last line without one. */
    private void count(int c) {
        if (c == '\r' || c == '\n' && lastChar != '\r'
                || c == EOF && lastChar != '\r' && lastChar != '\n' && lastChar != EOF) {
            lineNumber++;
        }
        lastChar = c;
    }

    private int peek() throws IOException {
        return pos < limit || fillMore() ? buf[pos] : EOF;
    }

    /** Between records: moves what is left to the front of the buffer and reads more behind it. */
    private void compact() throws IOException {
        int left = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, left);
            shifted += pos;
            pos = 0;
            limit = left;
        }
        while (!inputDone && limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) inputDone = true;
            else limit += n;
            if (limit - pos >= COMPACT_BELOW) break;
        }
    }

    /** Inside a record: reads more behind it, growing the buffer when the record fills it, never moving it. */
    private boolean fillMore() throws IOException {
        while (!inputDone) {
            if (limit - recordStart > maxRecord) throw new RecordTooLongException(recordLine + 1, maxRecord);
            if (limit == buf.length) {
                int grown = (int) Math.min((long) buf.length * 2, (long) recordStart + maxRecord + 16);
                buf = Arrays.copyOf(buf, Math.max(grown, buf.length + 1));
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                inputDone = true;
            } else if (n > 0) {
                limit += n;
                return true;
            }
        }
        return false;
    }

    // ---- the current record ----

    /** Cells in the current record. */
    public int size() { return count; }

    /** The buffer holding the current record's cells; valid until the next call to {@link #next()}. */
    public char[] buffer() { return buf; }

    public int start(int i) { return start[i]; }

    public int end(int i) { return end[i]; }

    public int length(int i) { return end[i] - start[i]; }

    /** The length of the record's longest cell. */
    public int longest() { return longest; }

    /** Whether a cell holds a character outside ASCII (so possibly U+FFFD for bytes that were not UTF-8). */
    public boolean nonAscii() { return nonAscii; }

    public String cell(int i) { return new String(buf, start[i], end[i] - start[i]); }

    /** The line number as Commons CSV's {@code getCurrentLineNumber()} gives it: line ends read, plus one mid-line. */
    public long lineNumber() { return currentLine(); }

    private long currentLine() {
        return lastChar == '\r' || lastChar == '\n' || lastChar == -2 || lastChar == EOF ? lineNumber : lineNumber + 1;
    }
}
