package io.wabill.report.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Strategy comparison: the total of each scenario priced on the same traffic, labelled with its difference to the
 * baseline. A command builds the rows from its own comparison table (the same rows its CSV holds), e.g.
 * {@code new ComparisonChart("comparison", "USD", rows)} with one {@link Row} per scenario, baseline delta 0.
 */
public final class ComparisonChart implements Chart {
    /** One scenario: its total and its difference to the baseline ({@code total - baseline total}). */
    public record Row(String scenario, BigDecimal total, BigDecimal delta) {
        public Row {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(delta, "delta");
        }
    }

    private final String name;
    private final String currency;
    private final List<Row> rows;

    public ComparisonChart(String name, String currency, List<Row> rows) {
        this.name = name;
        this.currency = currency;
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() { return rows; }

    /** The label over a bar: {@code +1,234.50 (+4.2 %)}, {@code baseline} when the delta is zero. */
    public static String deltaLabel(Row r) {
        if (r.delta().signum() == 0) return "baseline";
        String sign = r.delta().signum() > 0 ? "+" : "-";
        String label = sign + ChartStyle.money(r.delta().abs());
        BigDecimal base = r.total().subtract(r.delta());
        if (base.signum() == 0) return label;
        BigDecimal pct = r.delta().abs().multiply(BigDecimal.valueOf(100)).divide(base.abs(), 1, RoundingMode.HALF_UP);
        return label + " (" + sign + pct.toPlainString() + " %)";
    }

    @Override public String name() { return name; }

    @Override public String title() { return "Strategy comparison (" + currency + ")"; }

    @Override public JFreeChart draw(ChartStyle style) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (Row r : rows) ds.addValue(r.total(), "Total", r.scenario());
        JFreeChart chart = ChartFactory.createBarChart(title(), "Scenario", "Total (" + currency + ")", ds,
                PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.15);
        r.setSeriesPaint(0, Palette.position(0));
        r.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            @Override public String generateLabel(org.jfree.data.category.CategoryDataset d, int row, int column) {
                return ChartStyle.money(rows.get(column).total()) + "  " + deltaLabel(rows.get(column));
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(ChartStyle.money());
        ((NumberAxis) plot.getRangeAxis()).setUpperMargin(0.15);
        if (rows.size() > 6) plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return Draw.look(chart);
    }
}
