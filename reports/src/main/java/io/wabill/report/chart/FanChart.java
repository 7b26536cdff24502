package io.wabill.report.chart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Forecast fan chart: per month the P10–P90 band shaded and the median (P50) as a line. A forecast command passes
 * the quantiles its forecast table holds, e.g. {@code new FanChart("forecast", "USD", points)} with one
 * {@link Point} per month in order.
 */
public final class FanChart implements Chart {
    /** One month of a forecast: P10 ≤ P50 ≤ P90, in the currency of the chart. */
    public record Point(String month, BigDecimal p10, BigDecimal p50, BigDecimal p90) {
        public Point {
            Objects.requireNonNull(month, "month");
            if (p10.compareTo(p50) > 0 || p50.compareTo(p90) > 0)
                throw new IllegalArgumentException("quantiles of " + month + " must satisfy P10 <= P50 <= P90, were "
                        + p10.toPlainString() + ", " + p50.toPlainString() + ", " + p90.toPlainString());
        }
    }

    private final String name;
    private final String currency;
    private final List<Point> points;

    public FanChart(String name, String currency, List<Point> points) {
        this.name = name;
        this.currency = currency;
        this.points = List.copyOf(points);
    }

    public List<Point> points() { return points; }

    /**
     * A month's axis label with its length, {@code 2027-02 (28 d)}: months differ by up to three days (10 %), which
     * moves a month's total as much as a forecast's band; other labels are kept as given.
     */
    public static String label(String month) {
        try {
            return month + " (" + java.time.YearMonth.parse(month).lengthOfMonth() + " d)";
        } catch (java.time.format.DateTimeParseException e) {
            return month;
        }
    }

    @Override public String name() { return name; }

    @Override public String title() { return "Forecast of monthly spend (" + currency + "), P10-P90 and median; axis from 0"; }

    @Override public JFreeChart draw(ChartStyle style) {
        YIntervalSeries s = new YIntervalSeries("P50 (band P10-P90)");
        String[] months = new String[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            s.add(i, p.p50().doubleValue(), p.p10().doubleValue(), p.p90().doubleValue());
            months[i] = label(p.month());
        }
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        ds.addSeries(s);
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setSeriesPaint(0, Palette.MEDIAN);
        r.setSeriesFillPaint(0, Palette.BAND);
        r.setAlpha(0.6f);
        NumberAxis y = new NumberAxis("Amount per month (" + currency + ")");
        y.setNumberFormatOverride(ChartStyle.money());
        // From zero: a band drawn from 3,600 makes February's shorter month look like a cliff.
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(ds, new SymbolAxis("Month", months), y, r);
        JFreeChart chart = new JFreeChart(title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Draw.look(chart);
        if (!points.isEmpty()) {
            Point last = points.get(points.size() - 1);
            Draw.subtitle(chart, last.month() + ": median " + currency + " " + ChartStyle.money(last.p50()) + ", P10 "
                    + ChartStyle.money(last.p10()) + ", P90 " + ChartStyle.money(last.p90()));
        }
        return chart;
    }
}
