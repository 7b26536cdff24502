package io.wabill.data.log;

import io.wabill.sim.market.CountryResolver;

/**
 * The customer column's accepted forms (FORMATS.md section 1, G4): an E.164 number, written with {@code +},
 * with the international prefix {@code 00}, or bare, or a business-scoped user id ({@code CC.xxxx}). The
 * three ways of writing one number are one customer ({@link CountryResolver#numberKey} reads {@code 00…} as
 * {@code +…}), so its market and its windows are those of the same number written with {@code +}; the ledger
 * keeps the text as written. Anything else (spaces, dashes, a national number starting with a trunk {@code 0})
 * is not E.164 and is an input error rather than a guess.
 */
final class CustomerIds {
    static final String EXPECTED = "expected the user's number in E.164: country code first, '+' or '00' optional, "
            + "up to 15 digits, no spaces or punctuation (e.g. +5511987654321), or a business-scoped user id such as "
            + "BR.7f3a9c21d0";

    private CustomerIds() {}

    /** The customer as written, or null when the cell is neither an E.164 number nor a scoped id. */
    static String read(char[] b, int from, int to) {
        int n = to - from;
        if (n > 3 && b[from + 2] == '.' && Character.isLetter(b[from]) && Character.isLetter(b[from + 1])) {
            String scoped = new String(b, from, n);
            return CountryResolver.isScopedUserId(scoped) ? scoped : null;
        }
        boolean plus = n > 0 && b[from] == '+';
        boolean international = !plus && n > 2 && b[from] == '0' && b[from + 1] == '0';
        int digits = plus ? from + 1 : international ? from + 2 : from;
        if (to - digits < 1 || to - digits > 15 || b[digits] == '0') return null;
        for (int i = digits; i < to; i++) if (b[i] < '0' || b[i] > '9') return null;
        return new String(b, from, n);
    }

    /** {@link #key}'s answer for a scoped user id ({@code CC.xxxx}), which is accepted but has no number key. */
    static final long SCOPED = -2;
    /** {@link #key}'s answer for a cell that is no accepted customer. */
    static final long INVALID = -1;

    /**
     * An ASCII cell read by {@link #read(char[], int, int)}'s rules, without a string: for a number, a key that
     * identifies the text exactly (so a cache of customers could be keyed by it) (its digits, at most 15 and without a leading zero, and whether it was written with
     * {@code +}, {@code 00} or bare), so equal keys are equal texts; {@link #SCOPED} for a scoped user id;
     * {@link #INVALID} for anything else. A cell with other characters is decoded and read as characters.
     */
    static long key(byte[] b, int from, int to) {
        int n = to - from;
        if (n > 3 && b[from + 2] == '.' && isAsciiLetter(b[from]) && isAsciiLetter(b[from + 1])) return SCOPED;
        boolean plus = n > 0 && b[from] == '+';
        boolean international = !plus && n > 2 && b[from] == '0' && b[from + 1] == '0';
        int digits = plus ? from + 1 : international ? from + 2 : from;
        if (to - digits < 1 || to - digits > 15 || b[digits] == '0') return INVALID;
        long value = 0;
        for (int i = digits; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return INVALID;
            value = value * 10 + d;
        }
        return value << 2 | (plus ? 1 : international ? 2 : 0);
    }

    /** Character.isLetter of an ASCII byte. */
    private static boolean isAsciiLetter(byte c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'; }
}
