package io.wabill.data.log;

/** A row that could not be used: where it is, which column, the value found and what was expected. */
public record RowError(String file, long line, String column, String value, String reason) {
    public String describe() {
        StringBuilder b = new StringBuilder(file).append(':').append(line);
        // A column without a name is given as "column N" already: never "column column N".
        if (column != null && !column.isEmpty()) b.append(column.startsWith("column ") ? " " : " column ").append(column);
        if (value != null && !value.isEmpty()) b.append(" value '").append(abbreviate(value)).append('\'');
        return b.append(": ").append(reason).toString();
    }

    /** The value as it may be printed: shortened, and its control characters escaped (a cell cannot drive a terminal). */
    private static String abbreviate(String v) {
        return io.wabill.data.files.SafeText.value(v.length() > 60 ? v.substring(0, 57) + "..." : v);
    }
}
