package io.wabill.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * CSV rows encoded straight into a reused UTF-8 byte buffer, with the rules of {@link CsvWriter} (a cell is quoted
 * only when it holds a comma, quote or line break) and {@link CsvCells} (text that a spreadsheet would run gets a
 * leading apostrophe), and the ledger's number formats written digit by digit: a ledger has a row per message, and
 * formatting instants and amounts through {@code Instant.toString()} and {@code BigDecimal}, or encoding chars to
 * bytes afterwards, cost more than pricing the message.
 *
 * <p>The buffer may hold several rows: {@link #end} ends one and the next cell starts the next row, so a writer can
 * let rows pile up and hand the bytes over in large blocks ({@link #bytes()}, {@link #length()}, {@link #clear()}).
 * Every byte of a cell's structure (comma, quote, line break, apostrophe) is ASCII, and UTF-8 never encodes another
 * character with an ASCII byte, so quoting the encoded bytes of a cell gives the encoding of the quoted cell.
 */
public final class CsvLine {
    private byte[] buf = new byte[512];
    private int len;
    private boolean first = true;

    /** The second last printed by {@link #instant} and its 19 bytes, {@code YYYY-MM-DDTHH:MM:SS}. */
    private long cachedSecond = Long.MIN_VALUE;
    /** The day (epoch days) whose {@code YYYY-MM-DDT} is in {@link #second}. */
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] second = new byte[19];

    /** Starts over: drops every row in the buffer. */
    public CsvLine clear() {
        len = 0;
        first = true;
        return this;
    }

    /** A text cell from input or free text: neutralized for spreadsheets, then quoted as needed. */
    public CsvLine text(String value) {
        separator();
        if (value == null) return this;
        int n = value.length();
        if (n == 0) return this;
        char c0 = value.charAt(0);
        boolean neutralize = c0 == '=' || c0 == '+' || c0 == '-' || c0 == '@' || c0 == '\t' || c0 == '\r';
        return plainOrQuoted(neutralize ? (byte) '\'' : 0, value, n);
    }

    /**
     * One of wabill's own words (a direction, kind, category, model or type code): never a comma, quote, line break
     * or other character, so it is copied without looking.
     */
    public CsvLine code(String value) {
        separator();
        int n = value.length();
        ensure(n);
        byte[] b = buf;
        int j = len;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) return utf8(value);
            b[j++] = (byte) c;
        }
        len = j;
        return this;
    }

    /** {@code value} encoded as it is, neither quoted nor neutralized (a code is never either). */
    private CsvLine utf8(String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        ensure(v.length);
        System.arraycopy(v, 0, buf, len, v.length);
        len += v.length;
        return this;
    }

    /**
     * A cell encoded before ({@link #encodeText}, {@link #encodeRaw}, {@link #encodeCode}): its bytes as they are, for
     * a value that repeats line after line.
     */
    public CsvLine encoded(byte[] cell) {
        separator();
        int n = cell.length;
        ensure(n);
        System.arraycopy(cell, 0, buf, len, n);
        len += n;
        return this;
    }

    /**
     * A cell wabill formatted itself: quoted as needed; neutralized only when its shape could start a formula (a
     * date past the year 9999 starts with {@code +}, see {@link CsvCells#formatted}).
     */
    public CsvLine raw(String value) {
        if (value != null && !value.isEmpty() && (value.charAt(0) == '+' || value.charAt(0) == '-' || value.charAt(0) == '='
                || value.charAt(0) == '@')) value = CsvCells.formatted(value);
        separator();
        if (value == null) return this;
        int n = value.length();
        return n == 0 ? this : plainOrQuoted((byte) 0, value, n);
    }

    /** {@code value} (not empty), after {@code prefix} when not 0: copied when plain ASCII, else the careful way. */
    private CsvLine plainOrQuoted(byte prefix, String value, int n) {
        ensure(n + 1);
        byte[] b = buf;
        int j = len;
        if (prefix != 0) b[j++] = prefix;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') return quoted(prefix, value);
            b[j++] = (byte) c;
        }
        len = j;
        return this;
    }

    /** A cell with other characters, or one to quote: encoded by the JDK, then quoted on its bytes as needed. */
    private CsvLine quoted(byte prefix, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        int n = v.length;
        boolean quote = false;
        for (byte c : v) {
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        ensure(n * 2 + 3);
        if (quote) buf[len++] = '"';
        if (prefix != 0) buf[len++] = prefix;
        for (byte c : v) {
            if (c == '"') buf[len++] = '"';
            buf[len++] = c;
        }
        if (quote) buf[len++] = '"';
        return this;
    }

    /** The bytes {@link #text} writes for {@code value}, for a caller that keeps a repeating cell encoded. */
    public static byte[] encodeText(String value) { return new CsvLine().text(value).toBytes(); }

    /** The bytes {@link #raw} writes for {@code value}. */
    public static byte[] encodeRaw(String value) { return new CsvLine().raw(value).toBytes(); }

    /** The bytes {@link #code} writes for {@code value}. */
    public static byte[] encodeCode(String value) { return new CsvLine().code(value).toBytes(); }

    private byte[] toBytes() { return Arrays.copyOf(buf, len); }

    public CsvLine number(long value) {
        separator();
        ensure(21);
        appendLong(value);
        return this;
    }

    /**
     * An instant as {@code Instant.toString()} prints it ({@code 2026-10-01T09:00:00Z}, milliseconds when set). The
     * last second's text is kept: in a log of epoch seconds consecutive instants mostly share it.
     */
    public CsvLine instant(long millis) {
        if (millis < 0 || millis >= YEAR_10000) return raw(Instant.ofEpochMilli(millis).toString());
        separator();
        ensure(24);
        long sec = millis / 1000;
        int milli = (int) (millis - sec * 1000);
        if (sec != cachedSecond) cacheSecond(sec);
        byte[] b = buf;
        int j = len;
        System.arraycopy(second, 0, b, j, 19);
        j += 19;
        if (milli != 0) {
            b[j++] = '.';
            b[j++] = (byte) ('0' + milli / 100);
            b[j++] = (byte) ('0' + milli / 10 % 10);
            b[j++] = (byte) ('0' + milli % 10);
        }
        b[j++] = 'Z';
        len = j;
        return this;
    }

    private void cacheSecond(long sec) {
        long days = sec / 86_400;
        int secs = (int) (sec - days * 86_400);
        if (days != cachedDay) cacheDay(days);
        byte[] s = second;
        two(s, 11, secs / 3600);
        s[13] = ':';
        two(s, 14, secs / 60 % 60);
        s[16] = ':';
        two(s, 17, secs % 60);
        cachedSecond = sec;
    }

    /** {@code YYYY-MM-DDT} of an epoch day (0 to the year 9999) into {@link #second}. */
    private void cacheDay(long days) {
        // days to civil date (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        byte[] s = second;
        two(s, 0, year / 100);
        two(s, 2, year % 100);
        s[4] = '-';
        two(s, 5, month);
        s[7] = '-';
        two(s, 8, day);
        s[10] = 'T';
        cachedDay = days;
    }

    private static void two(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
    }

    private static final long YEAR_10000 = 253_402_300_800_000L;

    /**
     * An amount of 10^-8 units as {@code Money.format(units, 4)} prints it: plain, at least four decimals, no
     * trailing zeros beyond them.
     */
    public CsvLine amount(long units) {
        if (units == Long.MIN_VALUE) return raw(io.wabill.sim.money.Money.format(units, 4));
        separator();
        ensure(32);
        if (units < 0) {
            buf[len++] = '-';
            units = -units;
        }
        long whole = units / 100_000_000L;
        int frac = (int) (units - whole * 100_000_000L);
        appendLong(whole);
        buf[len++] = '.';
        int places = 8;
        while (places > 4 && frac % 10 == 0) {
            frac /= 10;
            places--;
        }
        digits(frac, places);
        return this;
    }

    /** The ledger's conversation cell: empty for 0, else {@code conv-N}. */
    public CsvLine conversation(long id) {
        separator();
        if (id == 0) return this;
        ensure(26);
        buf[len++] = 'c';
        buf[len++] = 'o';
        buf[len++] = 'n';
        buf[len++] = 'v';
        buf[len++] = '-';
        appendLong(id);
        return this;
    }

    /** Ends the row with the dialect's line end (ASCII). */
    public CsvLine end(String lineEnd) {
        int n = lineEnd.length();
        ensure(n);
        for (int i = 0; i < n; i++) buf[len++] = (byte) lineEnd.charAt(i);
        first = true;
        return this;
    }

    /** Writes the rows as text; they end at row ends, so no character is split. */
    public void writeTo(Writer out) throws IOException { out.write(toString()); }

    /** The buffer; its first {@link #length()} bytes are the rows, UTF-8. */
    public byte[] bytes() { return buf; }

    /** Bytes in the buffer. */
    public int length() { return len; }

    @Override public String toString() { return new String(buf, 0, len, StandardCharsets.UTF_8); }

    private void separator() {
        if (!first) {
            ensure(1);
            buf[len++] = ',';
        }
        first = false;
    }

    private void appendLong(long v) {
        if (v < 0) {
            String s = Long.toString(v);
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) buf[len++] = (byte) s.charAt(i);
            return;
        }
        int n = 1;
        for (long x = v; x >= 10; x /= 10) n++;
        if (n <= 9) digits((int) v, n);
        else digits(v, n);
    }

    /** {@code v} in exactly {@code n} digits, zero-padded. */
    private void digits(long v, int n) {
        for (int i = len + n - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        len += n;
    }

    /** {@link #digits(long, int)} in int arithmetic, for values below 10^9. */
    private void digits(int v, int n) {
        for (int i = len + n - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += n;
    }

    private void ensure(int more) {
        if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
}
