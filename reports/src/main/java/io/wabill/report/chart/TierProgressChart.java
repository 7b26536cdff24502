package io.wabill.report.chart;

import io.wabill.report.TierRow;
import java.awt.Font;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Volume-tier progress through one local month (D6): per market, the running count of charged messages of one
 * family at the end of each day, against the band thresholds of the card in force, from the rows of
 * {@code tiers.csv}. Thresholds far above the counts are named in the subtitle instead of flattening the lines.
 */
public final class TierProgressChart implements Chart {
    /** One market's line: running count per day of the month (index 0 = day 1), and its thresholds. */
    public record Line(String label, long[] cumulative, List<Long> thresholds) {
        public long last() { return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1]; }
    }

    private final String name;
    private final String month;
    private final String family;
    private final List<Line> lines;

    private TierProgressChart(String name, String month, String family, List<Line> lines) {
        this.name = name;
        this.month = month;
        this.family = family;
        this.lines = lines;
    }

    /** The (month, family) pairs that have tiered charges, in order, for one chart each. */
    public static List<String[]> monthsAndFamilies(List<TierRow> rows) {
        TreeSet<String> keys = new TreeSet<>();
        for (TierRow r : rows) keys.add(r.month() + "\t" + r.family());
        List<String[]> out = new ArrayList<>();
        for (String k : keys) out.add(k.split("\t"));
        return out;
    }

    /**
     * One line per (market, portfolio) counter; the portfolio is named only when the month has several. A day
     * without charges keeps the previous day's count. Thresholds: the lower bound of each band reached (other than
     * the first) and the start of the next band on the card in force.
     */
    public static TierProgressChart from(String name, List<TierRow> rows, String month, String family) {
        int days = YearMonth.parse(month).lengthOfMonth();
        TreeSet<String> portfolios = new TreeSet<>();
        for (TierRow r : rows) if (r.month().equals(month) && r.family().equals(family)) portfolios.add(r.portfolio());
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, TreeSet<Long>> thresholds = new LinkedHashMap<>();
        for (TierRow r : rows) {
            if (!r.month().equals(month) || !r.family().equals(family)) continue;
            String label = portfolios.size() > 1 ? r.market() + " (" + r.portfolio() + ")" : r.market();
            long[] c = counts.computeIfAbsent(label, k -> new long[days]);
            int day = LocalDate.parse(r.day()).getDayOfMonth();
            for (int i = day - 1; i < days; i++) c[i] = r.cumulative();
            TreeSet<Long> t = thresholds.computeIfAbsent(label, k -> new TreeSet<>());
            long lower = Long.parseLong(r.band().substring(0, r.band().indexOf(':')));
            if (lower > 1) t.add(lower);
            if (!r.nextBandFrom().isEmpty()) t.add(Long.parseLong(r.nextBandFrom()));
        }
        List<Line> lines = new ArrayList<>();
        counts.forEach((label, c) -> lines.add(new Line(label, c, List.copyOf(thresholds.get(label)))));
        return new TierProgressChart(name, month, family, lines);
    }

    public List<Line> lines() { return lines; }

    public long largest() { return lines.stream().mapToLong(Line::last).max().orElse(0); }

    public List<Long> allThresholds() {
        return lines.stream().flatMap(l -> l.thresholds().stream()).distinct().sorted().toList();
    }

    @Override public String name() { return name; }

    @Override public String title() { return "Volume-tier progress, " + family + ", " + month; }

    @Override public JFreeChart draw(ChartStyle style) {
        XYSeriesCollection ds = new XYSeriesCollection();
        for (Line l : lines) {
            XYSeries s = new XYSeries(l.label());
            for (int i = 0; i < l.cumulative().length; i++) s.add(i + 1, l.cumulative()[i]);
            ds.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title(), "Day of the local month",
                "Charged " + family + " messages this month", ds, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setNumberFormatOverride(ChartStyle.count());
        long largest = largest();
        y.setRange(0, Ranges.upperBound(largest, allThresholds()));
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setRange(1, lines.isEmpty() ? 31 : lines.get(0).cumulative().length);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        List<String> beyond = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            r.setSeriesPaint(i, Palette.position(i));
            for (long t : l.thresholds()) {
                if (!Ranges.visible(largest, List.of(t)).isEmpty()) {
                    ValueMarker m = new ValueMarker(t);
                    m.setPaint(Palette.position(i));
                    m.setStroke(Draw.DASHED);
                    m.setLabel(l.label() + ": band from " + ChartStyle.count(t));
                    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                    plot.addRangeMarker(m);
                } else if (t > l.last()) {
                    beyond.add(l.label() + " " + ChartStyle.count(t));
                }
            }
        }
        Draw.look(chart);
        Draw.subtitle(chart, beyond.isEmpty() ? "Dashed lines: band thresholds of the card in force"
                : "Next band starts beyond the chart: " + String.join("; ", beyond));
        return chart;
    }
}
