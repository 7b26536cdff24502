package io.wabill.report.chart;

import io.wabill.report.SummaryRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;

/** Spend by market: the top N markets and the rest in one column, each stacked by billable category. */
public final class MarketSpendChart implements Chart {
    private final String name;
    private final String currency;
    private final StackedData data;
    private final TopN split;

    private MarketSpendChart(String name, String currency, StackedData data, TopN split) {
        this.name = name;
        this.currency = currency;
        this.data = data;
        this.split = split;
    }

    public static MarketSpendChart from(String name, List<SummaryRow> rows, String currency, int topN) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (SummaryRow r : rows)
            if (r.currency().equals(currency)) totals.merge(r.market(), r.amount(), BigDecimal::add);
        TopN split = TopN.of(totals, topN);
        String restLabel = split.restLabel("markets");
        List<String> columns = new ArrayList<>(split.top());
        if (!split.rest().isEmpty()) columns.add(restLabel);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) position.put(columns.get(i), i);
        StackedData.Builder b = new StackedData.Builder(Comparator.comparing(position::get), Palette::compareCategories);
        for (String c : columns) b.column(c);
        for (SummaryRow r : rows) {
            if (!r.currency().equals(currency) || r.amount().signum() == 0) continue;
            b.add(r.billableCategory(), split.top().contains(r.market()) ? r.market() : restLabel, r.amount());
        }
        return new MarketSpendChart(name, currency, b.build(true), split);
    }

    public StackedData data() { return data; }

    public TopN split() { return split; }

    @Override public String name() { return name; }

    @Override public String title() { return "Spend by market (" + currency + ")"; }

    @Override public JFreeChart draw(ChartStyle style) {
        JFreeChart c = Draw.stackedBars(title(), "Market", "Amount (" + currency + ")", data, Palette::category,
                ChartStyle.money(), data.columns().size() > 6);
        Draw.subtitle(c, "Top " + split.top().size() + " markets" + (split.rest().isEmpty() ? ""
                : "; " + split.restLabel("markets") + ": " + String.join(", ", split.rest())));
        return c;
    }
}
