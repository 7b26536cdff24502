package io.wabill.spark;

import io.wabill.report.CsvDialect;
import io.wabill.report.CsvWriter;
import io.wabill.report.DailyTable;
import io.wabill.report.LedgerFormat;
import io.wabill.report.TemplateTable;
import io.wabill.report.TierTable;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code daily.csv}, {@code tiers.csv} and {@code templates.csv} from the tasks' {@link TaskTables}: the bytes
 * {@code simulate} writes for the same ledger. Daily and tier rows are the tasks' own lines in the tables' key order;
 * template cells of several tasks add up (exact units) and are ordered as {@link TemplateTable} orders them (amount,
 * largest first, then template, category and currency).
 */
final class TablesCsv {
    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    };

    private final List<TaskTables.Line> daily = new ArrayList<>();
    private final List<TaskTables.Line> tiers = new ArrayList<>();
    private final Map<List<String>, long[]> templates = new HashMap<>();

    void add(TaskTables t) {
        daily.addAll(t.daily);
        tiers.addAll(t.tiers);
        for (TaskTables.TemplateCell c : t.templates) {
            long[] v = templates.computeIfAbsent(List.of(c.template(), c.category(), c.currency()), k -> new long[3]);
            v[0] += c.messages();
            v[1] += c.charged();
            v[2] = Money.add(v[2], c.units());
        }
    }

    void writeDaily(Writer out) throws IOException { write(out, DailyTable.COLUMNS, daily); }

    void writeTiers(Writer out) throws IOException { write(out, TierTable.COLUMNS, tiers); }

    private static void write(Writer out, List<String> columns, List<TaskTables.Line> lines) throws IOException {
        List<TaskTables.Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(TaskTables.Line::key, KEY_ORDER));
        CsvWriter csv = new CsvWriter(out, CsvDialect.UNIX);
        csv.row(columns.toArray(new String[0])); // the writer writes through: no buffer of its own to flush
        for (TaskTables.Line l : sorted) {
            out.write(l.text());
            out.write(CsvDialect.UNIX.lineEnd());
        }
    }

    void writeTemplates(Writer out) throws IOException {
        List<Map.Entry<List<String>, long[]>> rows = new ArrayList<>(templates.entrySet());
        rows.sort(Comparator.<Map.Entry<List<String>, long[]>>comparingLong(e -> e.getValue()[2]).reversed()
                .thenComparing(Map.Entry::getKey, KEY_ORDER));
        CsvWriter csv = new CsvWriter(out, CsvDialect.UNIX);
        csv.row(TemplateTable.COLUMNS.toArray(new String[0]));
        for (Map.Entry<List<String>, long[]> e : rows) {
            // TemplateTable's cells: the name as text (it comes from the log), the rest formatted by wabill
            csv.text(e.getKey().get(0)).raw(e.getKey().get(1)).number(e.getValue()[0]).number(e.getValue()[1])
                    .raw(LedgerFormat.amount(e.getValue()[2])).raw(e.getKey().get(2));
            csv.endRow();
        }
        csv.close();
    }
}
