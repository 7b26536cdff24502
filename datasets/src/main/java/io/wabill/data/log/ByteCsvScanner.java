package io.wabill.data.log;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * An RFC 4180 record scanner for the message log's hot path, reading straight from UTF-8 bytes: no character
 * decoding for the ASCII that almost every row is, each record's cells left as (start, end) slices of one byte
 * buffer, so reading a row creates no object until a caller asks for a cell as a string.
 *
 * <p>It reads exactly what Apache Commons CSV's {@code CSVFormat.RFC4180} reads from the same bytes decoded as
 * UTF-8, malformed bytes replaced by U+FFFD (comma, double quote, {@code ""} inside quotes, CR, LF or CRLF ends a
 * record, quotes inside an unquoted cell are literal, blanks after a closing quote are skipped), and counts lines
 * and characters the same way, so error messages and line numbers do not depend on the reader
 * ({@code ByteReaderDifferentialTest}). Every byte that structures a CSV (comma, quote, CR, LF) is ASCII, and the
 * JDK's UTF-8 decoder never takes an ASCII byte into a malformed sequence, so records and cells fall on the same
 * places. What depends on characters rather than bytes is kept exact by decoding the runs of non-ASCII bytes where
 * they occur (rare): character positions in messages, the record bound in characters, and the whitespace allowed
 * after a closing quote ({@link Character#isWhitespace} of U+3000 and the like). {@link #cell} decodes a cell as
 * the decoder would. Commons CSV stays the reader of the rate cards and accounts, and the baseline in the
 * benchmarks ({@code LogParsingBenchmark}).
 */
public final class ByteCsvScanner {
    private static final int EOF = -1;
    /** A record starting closer than this to the end of the buffer moves to the front first. */
    private static final int COMPACT_BELOW = 1 << 13;
    /** lastChar after a run of non-ASCII bytes: any character that is no line end. */
    private static final int OTHER = 0x80;
    /** Eight bytes of the buffer at once, the first in the lowest byte. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L, HIGHS = 0x8080_8080_8080_8080L;

    private final InputStream in;
    /** The most characters one record may span; past it the scanner stops instead of buffering the rest. */
    private final int maxRecord;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] buf;
    private int pos;
    private int limit;
    /** Where the current record starts in the buffer, for the record-length bound. */
    private int recordStart;
    private boolean inputDone;
    /** Bytes dropped from the front of the buffer. */
    private long shifted;
    /** Bytes read beyond one per character (UTF-8 sequences of the non-ASCII runs read), for character positions. */
    private long extraBytes;
    /** {@link #extraBytes} when the current record started. */
    private long extraAtRecord;

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

    /** A scanner that refuses records longer than {@code maxRecord} characters. */
    public ByteCsvScanner(InputStream in, int maxRecord) { this(in, 1 << 16, maxRecord); }

    ByteCsvScanner(InputStream in, int bufferSize, int maxRecord) {
        if (maxRecord < 1) throw new IllegalArgumentException("maxRecord must be >= 1, was " + maxRecord);
        this.in = in;
        this.maxRecord = maxRecord;
        this.buf = new byte[Math.max(16, Math.min(bufferSize, maxRecord + 16))];
    }

    /**
     * Reads the next record; false at the end of the input. Throws an {@link IOException} with Commons CSV's
     * message when a quoted cell is still open at the end of the input, or is followed by other text, and a
     * {@link RecordTooLongException} past the record bound.
     */
    public boolean next() throws IOException {
        count = 0;
        longest = 0;
        nonAscii = false;
        if (lastChar == EOF) return false;
        if (limit - pos < COMPACT_BELOW) compact();
        recordStart = pos;
        extraAtRecord = extraBytes;
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
        if (first >= 0x80) nonAsciiRun(pos - 1);
        while (true) {
            pos = plainBytes(pos);
            if (pos == limit && !fillMore()) {
                add(s, pos);
                lastChar = 'x';
                count(EOF);
                return EOF;
            }
            byte c = buf[pos++];
            if (c > ',') continue; // ASCII after the comma; bytes of other characters are negative
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
            if (c < 0) nonAsciiRun(pos - 1);
        }
    }

    /**
     * Skips the bytes from {@code p} that cannot end an unquoted cell (ASCII after the comma: {@code c > ','}) eight at
     * a time, up to the last eight bytes in the buffer; returns where the first other byte may be. In each word, a
     * byte below {@code 0x2D} borrows in {@code x - 0x2D…} and sets its high bit, a byte of another character has it
     * set already; a borrow only reaches bytes after a flagged one, so the lowest flagged byte is the first to look at.
     */
    private int plainBytes(int p) {
        byte[] b = buf;
        int end = limit - 8;
        while (p <= end) {
            long x = (long) LONGS.get(b, p);
            long flagged = ((x - 0x2D * ONES) | x) & HIGHS;
            if (flagged != 0) return p + (Long.numberOfTrailingZeros(flagged) >>> 3);
            p += 8;
        }
        return p;
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
                    if (d >= 0x80) {
                        whitespaceRun(pos - 1);
                    } else if (!Character.isWhitespace((char) d)) {
                        throw invalidAfterQuote(characterPosition(pos));
                    }
                }
            }
            if (c >= 0x80) {
                int from = pos - 1;
                nonAsciiRun(from);
                System.arraycopy(buf, from, buf, w, pos - from);
                w += pos - from;
                continue;
            }
            buf[w++] = (byte) c;
        }
    }

    private IOException invalidAfterQuote(long position) {
        return new IOException(String.format(Locale.getDefault(), "Invalid character between "
                + "encapsulated token and delimiter at line: %,d, position: %,d", currentLine(), position));
    }

    /**
     * Reads on over the run of non-ASCII bytes starting at {@code from} (its first byte read already) and counts
     * the characters it decodes to, so positions and the record bound stay in characters.
     */
    private void nonAsciiRun(int from) throws IOException {
        nonAscii = true;
        while ((pos < limit || fillMore()) && buf[pos] < 0) pos++;
        extraBytes += (pos - from) - decode(buf, from, pos).length();
        lastChar = OTHER;
    }

    /** After a closing quote, a run of non-ASCII bytes: allowed only when every character it holds is whitespace. */
    private void whitespaceRun(int from) throws IOException {
        long before = characterPosition(from);
        while ((pos < limit || fillMore()) && buf[pos] < 0) pos++;
        String run = decode(buf, from, pos);
        for (int i = 0; i < run.length(); i++) {
            if (!Character.isWhitespace(run.charAt(i))) throw invalidAfterQuote(before + i + 1);
        }
        extraBytes += (pos - from) - run.length();
        lastChar = OTHER;
    }

    /** Characters read up to buffer index {@code at}, counted as Commons CSV counts them. */
    private long characterPosition(int at) { return shifted + at - extraBytes; }

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
        int c = pos < limit || fillMore() ? buf[pos++] & 0xFF : EOF;
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
        return pos < limit || fillMore() ? buf[pos] & 0xFF : EOF;
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
            // in characters: the non-ASCII runs read so far in this record count one per character
            if (limit - recordStart - (extraBytes - extraAtRecord) > maxRecord)
                throw new RecordTooLongException(recordLine + 1, maxRecord);
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

    /** The bytes as the JDK's UTF-8 decoder reads them, malformed input as U+FFFD. */
    String decode(byte[] b, int from, int to) {
        try {
            return decoder.decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder reported " + e, e);
        }
    }

    // ---- the current record ----

    /** Cells in the current record. */
    public int size() { return count; }

    /** The buffer holding the current record's cells; valid until the next call to {@link #next()}. */
    public byte[] buffer() { return buf; }

    public int start(int i) { return start[i]; }

    public int end(int i) { return end[i]; }

    /** The cell's length in bytes (its length in characters when the record is ASCII). */
    public int length(int i) { return end[i] - start[i]; }

    /** The length in bytes of the record's longest cell. */
    public int longest() { return longest; }

    /** Whether a cell holds a byte outside ASCII (a character outside ASCII, or bytes that are not UTF-8). */
    public boolean nonAscii() { return nonAscii; }

    /** Cell {@code i} decoded as UTF-8, malformed bytes as U+FFFD. */
    public String cell(int i) {
        return nonAscii ? decode(buf, start[i], end[i]) : new String(buf, start[i], end[i] - start[i], StandardCharsets.ISO_8859_1);
    }

    /** The line number as Commons CSV's {@code getCurrentLineNumber()} gives it: line ends read, plus one mid-line. */
    public long lineNumber() { return currentLine(); }

    private long currentLine() {
        return lastChar == '\r' || lastChar == '\n' || lastChar == -2 || lastChar == EOF ? lineNumber : lineNumber + 1;
    }
}
