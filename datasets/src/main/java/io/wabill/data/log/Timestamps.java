package io.wabill.data.log;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses the log's instants (FORMATS.md section 1): ISO-8601 with {@code Z} or an offset, or epoch seconds.
 * The common shape {@code YYYY-MM-DDTHH:MM:SSZ} is computed directly, since a log has one per row.
 */
public final class Timestamps {
    private Timestamps() {}

    /** Epoch milliseconds, or throws {@link IllegalArgumentException} saying what was expected. */
    public static long parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) throw new IllegalArgumentException("a timestamp is required");
        if (isDigits(s)) {
            if (s.length() > 11)
                throw new IllegalArgumentException("epoch values are read as seconds; '" + s + "' has "
                        + s.length() + " digits (milliseconds?)");
            return Long.parseLong(s) * 1000L;
        }
        if (s.length() == 20 && s.charAt(19) == 'Z' && s.charAt(10) == 'T') {
            long fast = fastUtc(s);
            if (fast != Long.MIN_VALUE) return fast;
        }
        java.time.Instant instant;
        try {
            instant = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected an ISO-8601 instant with Z or an offset "
                    + "(2025-07-03T09:00:00Z, 2025-07-03T14:30:00+05:30) or epoch seconds");
        }
        if (instant.isBefore(MIN) || instant.isAfter(MAX))
            throw new IllegalArgumentException("the instant is outside the years 0001 to 9999 (UTC) that the model holds");
        return instant.toEpochMilli();
    }

    /**
     * The first and last instant a log may hold: four-digit years, as ISO-8601 writes them without a sign. Every
     * instant between, shifted by any time zone and by the longest window (72 h) or horizon, still fits a long of
     * milliseconds and a {@code LocalDate}, so nothing downstream can overflow.
     */
    public static final java.time.Instant MIN = java.time.Instant.parse("0001-01-01T00:00:00Z");
    public static final java.time.Instant MAX = java.time.Instant.parse("9999-12-31T23:59:59.999Z");

    /** Whether epoch milliseconds lie in {@link #MIN}..{@link #MAX}. */
    public static boolean inRange(long epochMillis) {
        return epochMillis >= MIN.toEpochMilli() && epochMillis <= MAX.toEpochMilli();
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** {@code YYYY-MM-DDTHH:MM:SSZ} without allocation; MIN_VALUE when the shape or a field is off. */
    private static long fastUtc(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') return Long.MIN_VALUE;
        int year = num(s, 0, 4), month = num(s, 5, 2), day = num(s, 8, 2);
        int hour = num(s, 11, 2), minute = num(s, 14, 2), second = num(s, 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) return Long.MIN_VALUE;
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) return Long.MIN_VALUE;
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
    }

    private static final long MIN_SECOND = MIN.getEpochSecond();
    private static final long MAX_SECOND = MAX.getEpochSecond();
    private static final int MAX_NANO = MAX.getNano();

    /**
     * The shapes almost every log writes, read straight from ASCII bytes without allocation: epoch seconds (up to
     * 11 digits) and {@code YYYY-MM-DDTHH:MM:SS[.f…](Z|±HH:MM)}. Returns MIN_VALUE for any other text, for a field
     * out of range and for an instant outside {@link #MIN}..{@link #MAX}, and the caller parses the text with
     * {@link #parse}, which gives the same value or the error: this is only its fast path.
     */
    static long fast(byte[] b, int from, int to) {
        int n = to - from;
        if (n >= 1 && n <= 11) {
            long v = 0;
            for (int i = from; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) return Long.MIN_VALUE; // too short for an ISO instant
                v = v * 10 + d;
            }
            return v * 1000L;
        }
        return iso(b, from, to);
    }

    private static long iso(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 20 || b[from + 10] != 'T' || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 13] != ':'
                || b[from + 16] != ':') return Long.MIN_VALUE;
        int year = num(b, from, 4), month = num(b, from + 5, 2), day = num(b, from + 8, 2);
        int hour = num(b, from + 11, 2), minute = num(b, from + 14, 2), second = num(b, from + 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) return Long.MIN_VALUE;
        if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) return Long.MIN_VALUE;
        int at = from + 19;
        int nanos = 0;
        if (b[at] == '.') {
            int digits = 0;
            at++;
            while (at < to && b[at] >= '0' && b[at] <= '9') {
                if (++digits > 9) return Long.MIN_VALUE;
                nanos = nanos * 10 + (b[at++] - '0');
            }
            if (digits == 0) return Long.MIN_VALUE;
            for (int i = digits; i < 9; i++) nanos *= 10;
        }
        int offset;
        if (at + 1 == to && b[at] == 'Z') {
            offset = 0;
        } else if (at + 6 == to && (b[at] == '+' || b[at] == '-') && b[at + 3] == ':') {
            int oh = num(b, at + 1, 2), om = num(b, at + 4, 2);
            if (oh < 0 || oh > 17 || om < 0 || om > 59) return Long.MIN_VALUE;
            offset = (oh * 3600 + om * 60) * (b[at] == '-' ? -1 : 1);
        } else {
            return Long.MIN_VALUE;
        }
        long seconds = ((epochDay(year, month, day) * 24 + hour) * 60 + minute) * 60 + second - offset;
        if (seconds < MIN_SECOND || seconds > MAX_SECOND || seconds == MAX_SECOND && nanos > MAX_NANO) return Long.MIN_VALUE;
        return seconds * 1000L + nanos / 1_000_000;
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (the algorithm of LocalDate.toEpochDay). */
    static long epochDay(int year, int month, int day) {
        long y = year;
        long m = month;
        long total = 365 * y;
        if (y >= 0) total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        else total -= y / -4 - y / -100 + y / -400;
        total += (367 * m - 362) / 12;
        total += day - 1;
        if (m > 2) {
            total--;
            boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
            if (!leap) total--;
        }
        return total - 719_528L;
    }

    private static int num(byte[] b, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            int c = b[i];
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int num(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
