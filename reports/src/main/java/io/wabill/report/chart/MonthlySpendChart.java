package io.wabill.report.chart;

import io.wabill.report.SummaryRow;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;

/** Spend per local month, stacked by billable category, from the rows of {@code summary.csv}. */
public final class MonthlySpendChart implements Chart {
    private final String name;
    private final String currency;
    private final StackedData data;

    public MonthlySpendChart(String name, String currency, StackedData data) {
        this.name = name;
        this.currency = currency;
        this.data = data;
    }

    /** Months as columns, categories as series; only rows in {@code currency} (amounts are never converted). */
    public static MonthlySpendChart from(String name, List<SummaryRow> rows, String currency) {
        StackedData.Builder b = new StackedData.Builder(Comparator.naturalOrder(), Palette::compareCategories);
        for (SummaryRow r : rows) {
            if (!r.currency().equals(currency)) continue;
            b.column(r.month());
            if (r.amount().signum() != 0) b.add(r.billableCategory(), r.month(), r.amount());
        }
        return new MonthlySpendChart(name, currency, b.build(true));
    }

    public StackedData data() { return data; }

    @Override public String name() { return name; }

    @Override public String title() { return "Monthly spend by billable category (" + currency + ")"; }

    @Override public JFreeChart draw(ChartStyle style) {
        JFreeChart c = Draw.stackedBars(title(), "Local month", "Amount (" + currency + ")", data,
                Palette::category, ChartStyle.money(), false);
        Draw.subtitle(c, "Total " + currency + " " + ChartStyle.money(data.total()));
        return c;
    }
}
