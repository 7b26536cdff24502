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

    /**
     * Whether an ASCII cell is an accepted customer ({@link #read(char[], int, int)}'s rules on the same text); a
     * cell with other characters is decoded and read as characters.
     */
    static boolean isValidAscii(byte[] b, int from, int to) {
        int n = to - from;
        if (n > 3 && b[from + 2] == '.' && isAsciiLetter(b[from]) && isAsciiLetter(b[from + 1])) return true;
        boolean plus = n > 0 && b[from] == '+';
        boolean international = !plus && n > 2 && b[from] == '0' && b[from + 1] == '0';
        int digits = plus ? from + 1 : international ? from + 2 : from;
        if (to - digits < 1 || to - digits > 15 || b[digits] == '0') return false;
        for (int i = digits; i < to; i++) if (b[i] < '0' || b[i] > '9') return false;
        return true;
    }

    /** Character.isLetter of an ASCII byte. */
    private static boolean isAsciiLetter(byte c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'; }
}
