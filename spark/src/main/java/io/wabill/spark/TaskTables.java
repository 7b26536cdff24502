package io.wabill.spark;

import io.wabill.report.CsvDialect;
import io.wabill.report.DailyRow;
import io.wabill.report.RunTables;
import io.wabill.report.TemplateTable;
import io.wabill.report.TierRow;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One task's share of {@code daily.csv}, {@code tiers.csv} and {@code templates.csv}, as it travels to the driver.
 * Daily rows are keyed by account and tier rows by portfolio, and a task owns its accounts and portfolios whole, so
 * their rows never meet another task's: each goes as the line {@code simulate}'s own table writes
 * ({@link io.wabill.report.DailyTable#write}, {@link io.wabill.report.TierTable#write}: the same cells, running
 * counts and next bands) with its sort key, and the driver only sorts them. Template rows add up across portfolios
 * (one template name, several businesses), so they go as numbers.
 */
final class TaskTables implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A row as written, and the key its table sorts it by (the key's strings, compared in order). */
    record Line(List<String> key, String text) implements Serializable {}

    /** A {@code templates.csv} cell: messages, charged and amount in 10^-8 units. */
    record TemplateCell(String template, String category, String currency, long messages, long charged, long units)
            implements Serializable {}

    final List<Line> daily = new ArrayList<>();
    final List<Line> tiers = new ArrayList<>();
    final List<TemplateCell> templates = new ArrayList<>();

    static TaskTables of(RunTables t) {
        TaskTables out = new TaskTables();
        try {
            StringWriter daily = new StringWriter();
            t.daily().write(daily, CsvDialect.UNIX);
            List<String> lines = rows(daily.toString());
            List<DailyRow> rows = t.daily().rows();
            check(lines, rows.size(), "daily");
            for (int i = 0; i < rows.size(); i++) {
                DailyRow r = rows.get(i);
                out.daily.add(new Line(List.of(r.day(), r.account(), r.billableCategory(), r.currency()), lines.get(i + 1)));
            }
            StringWriter tiers = new StringWriter();
            t.tiers().write(tiers, CsvDialect.UNIX);
            lines = rows(tiers.toString());
            List<TierRow> tierRows = t.tiers().rows();
            check(lines, tierRows.size(), "tiers");
            for (int i = 0; i < tierRows.size(); i++) {
                TierRow r = tierRows.get(i);
                out.tiers.add(new Line(List.of(r.month(), r.portfolio(), r.market(), r.family(), r.day()), lines.get(i + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        for (TemplateTable.Row r : t.templates().rows())
            out.templates.add(new TemplateCell(r.template(), r.category(), r.currency(), r.messages(), r.charged(), r.units()));
        return out;
    }

    private static void check(List<String> lines, int rows, String table) {
        if (lines.size() != rows + 1)
            throw new IllegalStateException(table + " table: " + rows + " rows but " + (lines.size() - 1) + " lines written");
    }

    /**
     * The CSV rows of a table's text ({@code \n} line ends), each without its line end: a line break inside a quoted
     * cell stays in its row.
     */
    static List<String> rows(String csv) {
        List<String> rows = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == '\n' && !quoted) {
                rows.add(csv.substring(start, i));
                start = i + 1;
            }
        }
        if (start < csv.length()) rows.add(csv.substring(start));
        return rows;
    }
}
