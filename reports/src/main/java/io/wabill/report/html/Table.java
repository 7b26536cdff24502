package io.wabill.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for the report: column names, which columns are numbers (right-aligned, sorted as numbers, shown with
 * thousands separators), and rows of cell text exactly as the matching CSV holds it.
 */
public final class Table {
    private final String id;
    private final String caption;
    private final List<String> columns;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param numericColumns names of the columns that hold numbers */
    public Table(String id, String caption, List<String> columns, List<String> numericColumns) {
        this.id = id;
        this.caption = caption;
        this.columns = List.copyOf(columns);
        this.numeric = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) numeric[i] = numericColumns.contains(columns.get(i));
    }

    public Table row(List<String> cells) {
        if (cells.size() != columns.size())
            throw new IllegalArgumentException("table " + id + " has " + columns.size() + " columns, a row had " + cells.size());
        rows.add(List.copyOf(cells));
        return this;
    }

    public Table row(String... cells) { return row(List.of(cells)); }

    private final List<List<String>> footer = new ArrayList<>();

    /** A totals row, shown under the rows and left in place when they are sorted. */
    public Table footer(List<String> cells) {
        if (cells.size() != columns.size())
            throw new IllegalArgumentException("table " + id + " has " + columns.size() + " columns, a footer had " + cells.size());
        footer.add(List.copyOf(cells));
        return this;
    }

    public List<List<String>> footer() { return footer; }

    public String id() { return id; }

    public String caption() { return caption; }

    public List<String> columns() { return columns; }

    public boolean numeric(int column) { return numeric[column]; }

    public List<List<String>> rows() { return rows; }
}
