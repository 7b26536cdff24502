package io.wabill.data.log;

/** A row that could not be used: where it is, which column, the value found and what was expected. */
public record RowError(String file, long line, String column, String value, String reason) {
    public String describe() {
        StringBuilder b = new StringBuilder(file).append(':').append(line);
        if (column != null && !column.isEmpty()) b.append(" column ").append(column);
        if (value != null && !value.isEmpty()) b.append(" value '").append(abbreviate(value)).append('\'');
        return b.append(": ").append(reason).toString();
    }

    private static String abbreviate(String v) {
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }
}
