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
}
