package io.wabill.report.xlsx;

/**
 * Undoes what CSV writing did for spreadsheets that a workbook does not need: the byte-order mark of the Excel
 * dialect on the first header, and the apostrophe put before text that a spreadsheet would run as a formula
 * ({@link io.wabill.report.CsvCells}). A workbook's text cells are never formulas, so the text is restored as it was.
 */
final class CsvCellsBack {
    private CsvCellsBack() {}

    static String header(String name) {
        return !name.isEmpty() && name.charAt(0) == '\uFEFF' ? name.substring(1) : name;
    }

    static String text(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'') {
            char c = cell.charAt(1);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return cell.substring(1);
        }
        return cell;
    }
}
