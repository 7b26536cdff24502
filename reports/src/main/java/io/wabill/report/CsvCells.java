package io.wabill.report;

/**
 * Makes text cells safe to open in a spreadsheet: a cell that starts with {@code = + - @}, a tab or a
 * carriage return would be run as a formula (CSV injection), so it gets a leading apostrophe, which
 * spreadsheets show as text and hide. Numbers wabill prints itself never start that way.
 */
public final class CsvCells {
    private CsvCells() {}

    public static String text(String value) {
        if (value == null || value.isEmpty()) return "";
        char c = value.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return "'" + value;
        return value;
    }

    /**
     * A cell wabill formatted itself, made safe the same way when its shape could still start a formula: a date or
     * instant past the year 9999 prints with a leading {@code +} ({@code +10000-01-01}), and a {@code -} that does
     * not start a plain number is not one. Plain numbers ({@code -0.0500}) are left as they are.
     */
    public static String formatted(String value) {
        if (value == null || value.isEmpty()) return value == null ? "" : value;
        char c = value.charAt(0);
        if (c == '+' || c == '=' || c == '@' || c == '\t' || c == '\r') return "'" + value;
        if (c == '-' && !isPlainNumber(value)) return "'" + value;
        return value;
    }

    /** {@code -12}, {@code -0.0500}, {@code -1.5E-7}: what a spreadsheet reads as a number, not a formula. */
    static boolean isPlainNumber(String v) {
        int i = v.charAt(0) == '-' ? 1 : 0;
        if (i >= v.length()) return false;
        boolean digit = false;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (c != '.' && c != 'E' && c != 'e' && !(c == '-' && (v.charAt(i - 1) == 'E' || v.charAt(i - 1) == 'e'))) return false;
        }
        return digit;
    }
}
