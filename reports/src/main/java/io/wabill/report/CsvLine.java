package io.wabill.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Arrays;

/**
 * One CSV row built in a reused char buffer, with the rules of {@link CsvWriter} (a cell is quoted only when it
 * holds a comma, quote or line break) and {@link CsvCells} (text that a spreadsheet would run gets a leading
 * apostrophe), and the ledger's number formats written digit by digit: a ledger has a row per message, and
 * formatting instants and amounts through {@code Instant.toString()} and {@code BigDecimal} cost more than
 * pricing the message.
 */
public final class CsvLine {
    private char[] buf = new char[512];
    private int len;
    private boolean first = true;

    /** Starts a new row. */
    public CsvLine clear() {
        len = 0;
        first = true;
        return this;
    }

    /** A text cell from input or free text: neutralized for spreadsheets, then quoted as needed. */
    public CsvLine text(String value) {
        if (value != null && !value.isEmpty()) {
            char c = value.charAt(0);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return cell('\'', value);
        }
        return cell((char) 0, value);
    }

    /**
     * One of wabill's own words (a direction, kind, category, model or type code): never a comma, quote or line
     * break, so it is copied without looking.
     */
    public CsvLine code(String value) {
        separator();
        int n = value.length();
        ensure(n);
        value.getChars(0, n, buf, len);
        len += n;
        return this;
    }

    /**
     * A cell wabill formatted itself: quoted as needed; neutralized only when its shape could start a formula (a
     * date past the year 9999 starts with {@code +}, see {@link CsvCells#formatted}).
     */
    public CsvLine raw(String value) {
        if (value != null && !value.isEmpty() && (value.charAt(0) == '+' || value.charAt(0) == '-' || value.charAt(0) == '='
                || value.charAt(0) == '@')) return cell((char) 0, CsvCells.formatted(value));
        return cell((char) 0, value);
    }

    private CsvLine cell(char prefix, String value) {
        separator();
        if (value == null || value.isEmpty()) return this;
        int n = value.length();
        ensure(n * 2 + 3);
        boolean quote = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            if (prefix != 0) buf[len++] = prefix;
            value.getChars(0, n, buf, len);
            len += n;
            return this;
        }
        buf[len++] = '"';
        if (prefix != 0) buf[len++] = prefix;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '"') buf[len++] = '"';
            buf[len++] = c;
        }
        buf[len++] = '"';
        return this;
    }

    public CsvLine number(long value) {
        separator();
        ensure(21);
        appendLong(value);
        return this;
    }

    /** An instant as {@code Instant.toString()} prints it ({@code 2026-10-01T09:00:00Z}, milliseconds when set). */
    public CsvLine instant(long millis) {
        if (millis < 0 || millis >= YEAR_10000) return raw(Instant.ofEpochMilli(millis).toString());
        separator();
        ensure(24);
        long days = millis / 86_400_000L;
        int ms = (int) (millis - days * 86_400_000L);
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
        digits(year, 4);
        buf[len++] = '-';
        digits(month, 2);
        buf[len++] = '-';
        digits(day, 2);
        buf[len++] = 'T';
        int secs = ms / 1000;
        digits(secs / 3600, 2);
        buf[len++] = ':';
        digits(secs / 60 % 60, 2);
        buf[len++] = ':';
        digits(secs % 60, 2);
        int milli = ms % 1000;
        if (milli != 0) {
            buf[len++] = '.';
            digits(milli, 3);
        }
        buf[len++] = 'Z';
        return this;
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
        int frac = (int) (units % 100_000_000L);
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

    /** Ends the row with the dialect's line end. */
    public CsvLine end(String lineEnd) {
        ensure(lineEnd.length());
        lineEnd.getChars(0, lineEnd.length(), buf, len);
        len += lineEnd.length();
        first = true;
        return this;
    }

    public void writeTo(Writer out) throws IOException { out.write(buf, 0, len); }

    /** Appends the row as UTF-8 to {@code out} from {@code at}, growing it as needed; returns the new end. */
    public byte[] utf8(byte[] out, int at, int[] end) {
        int n = len;
        if (at + n * 3 > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, at + n * 3));
        int j = at;
        for (int i = 0; i < n; i++) {
            char c = buf[i];
            if (c < 0x80) {
                out[j++] = (byte) c;
            } else {
                // the rare cell with other characters: the JDK's encoder for the rest of the row
                byte[] rest = new String(buf, i, n - i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (j + rest.length > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, j + rest.length));
                System.arraycopy(rest, 0, out, j, rest.length);
                j += rest.length;
                break;
            }
        }
        end[0] = j;
        return out;
    }

    public char[] chars() { return buf; }

    public int length() { return len; }

    @Override public String toString() { return new String(buf, 0, len); }

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
            s.getChars(0, s.length(), buf, len);
            len += s.length();
            return;
        }
        int n = 1;
        for (long x = v; x >= 10; x /= 10) n++;
        digits(v, n);
    }

    /** {@code v} in exactly {@code n} digits, zero-padded. */
    private void digits(long v, int n) {
        for (int i = len + n - 1; i >= len; i--) {
            buf[i] = (char) ('0' + (int) (v % 10));
            v /= 10;
        }
        len += n;
    }

    private void ensure(int more) {
        if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
}
