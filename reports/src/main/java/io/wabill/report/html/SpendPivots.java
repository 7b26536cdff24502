package io.wabill.report.html;

import io.wabill.report.Cents;
import io.wabill.report.SummaryRow;
import io.wabill.report.TemplateTable;
import io.wabill.sim.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The tables a finance reader opens first: spend per local month against billable category, and against market,
 * each with row and column totals, and the costliest templates. Drawn from the rows of {@code summary.csv} and
 * {@code templates.csv}; amounts are shown to the cent (the files keep the exact values, and the totals are taken
 * from exact sums before rounding, so a total can differ from the sum of its rounded cells by a cent).
 */
public final class SpendPivots {
    /** Markets shown as their own column; the others are added up in "other markets". */
    public static final int MARKET_COLUMNS = 8;
    public static final int TOP_TEMPLATES = 10;

    private SpendPivots() {}

    /** Month × billable category of one currency, with totals. */
    public static Table byCategory(List<SummaryRow> rows, String currency) {
        return pivot("pivot-category-" + currency.toLowerCase(java.util.Locale.ROOT),
                "Spend per month and billable category, " + currency, rows, currency, SummaryRow::billableCategory,
                Integer.MAX_VALUE, "");
    }

    /** Month × market of one currency (the {@value #MARKET_COLUMNS} costliest markets, then the rest), with totals. */
    public static Table byMarket(List<SummaryRow> rows, String currency) {
        return pivot("pivot-market-" + currency.toLowerCase(java.util.Locale.ROOT),
                "Spend per month and market, " + currency, rows, currency, SummaryRow::market, MARKET_COLUMNS,
                "the other markets");
    }

    /** The currencies the rows spend in, in order. */
    public static List<String> currencies(List<SummaryRow> rows) {
        TreeSet<String> set = new TreeSet<>();
        for (SummaryRow r : rows) set.add(r.currency());
        return new ArrayList<>(set);
    }

    private static Table pivot(String id, String caption, List<SummaryRow> rows, String currency,
                               Function<SummaryRow, String> column, int maxColumns, String restLabel) {
        Map<String, Long> columnTotals = new TreeMap<>();
        Map<String, Map<String, Long>> cells = new TreeMap<>();
        for (SummaryRow r : rows) {
            if (!r.currency().equals(currency)) continue;
            long units = Money.toUnits(r.amount());
            if (units == 0 && r.pricingType().equals("inbound")) continue;
            columnTotals.merge(column.apply(r), units, Money::add);
            cells.computeIfAbsent(r.month(), m -> new TreeMap<>()).merge(column.apply(r), units, Money::add);
        }
        // Columns by spend, largest first (ties by name); columns with no spend at all are left out.
        List<String> names = new ArrayList<>();
        columnTotals.entrySet().stream().filter(e -> e.getValue() != 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> names.add(e.getKey()));
        List<String> shown = names.size() > maxColumns ? names.subList(0, maxColumns) : names;
        boolean rest = names.size() > shown.size();
        List<String> header = new ArrayList<>();
        header.add("month");
        header.addAll(shown);
        if (rest) header.add(restLabel);
        header.add("total");
        Table t = new Table(id, caption, header, header.subList(1, header.size()));
        Map<String, Long> totalRow = new LinkedHashMap<>();
        long grand = 0;
        for (var month : cells.entrySet()) {
            List<String> line = new ArrayList<>();
            line.add(month.getKey());
            long sum = 0, others = 0;
            for (var e : month.getValue().entrySet()) {
                sum = Money.add(sum, e.getValue());
                if (!shown.contains(e.getKey())) others = Money.add(others, e.getValue());
            }
            for (String c : shown) {
                long v = month.getValue().getOrDefault(c, 0L);
                line.add(Cents.of(v));
                totalRow.merge(c, v, Money::add);
            }
            if (rest) {
                line.add(Cents.of(others));
                totalRow.merge(restLabel, others, Money::add);
            }
            line.add(Cents.of(sum));
            grand = Money.add(grand, sum);
            t.row(line);
        }
        List<String> last = new ArrayList<>();
        last.add("total");
        for (String c : shown) last.add(Cents.of(totalRow.getOrDefault(c, 0L)));
        if (rest) last.add(Cents.of(totalRow.getOrDefault(restLabel, 0L)));
        last.add(Cents.of(grand));
        t.footer(last);
        return t;
    }

    /** The costliest templates (templates.csv's first rows). */
    public static Table topTemplates(List<TemplateTable.Row> rows) {
        Table t = new Table("top-templates", "Costliest templates (from templates.csv)",
                List.of("template", "category", "messages", "charged", "amount", "currency"),
                List.of("messages", "charged", "amount"));
        for (TemplateTable.Row r : rows.subList(0, Math.min(TOP_TEMPLATES, rows.size())))
            t.row(r.template().isEmpty() ? "(no name in the log)" : r.template(), r.category(), Long.toString(r.messages()),
                    Long.toString(r.charged()), Cents.of(r.units()), r.currency());
        return t;
    }
}
