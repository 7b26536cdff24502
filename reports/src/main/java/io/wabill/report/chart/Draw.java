package io.wabill.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/** Drawing shared by the charts: one look (white plot, light grid, no shadows) and the stacked bar chart. */
final class Draw {
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private Draw() {}

    /** The common look, applied to every chart. */
    static JFreeChart look(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xdddddd));
            p.setOutlineVisible(false);
        } else if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xdddddd));
            p.setDomainGridlinePaint(new Color(0xeeeeee));
            p.setOutlineVisible(false);
        }
        return chart;
    }

    static void subtitle(JFreeChart chart, String text) {
        if (text != null && !text.isEmpty()) chart.addSubtitle(new TextTitle(text, SUBTITLE));
    }

    /** A stacked bar chart of {@code data}, series coloured by {@code colour}, values formatted by {@code format}. */
    static JFreeChart stackedBars(String title, String xLabel, String yLabel, StackedData data,
                                  Function<String, Color> colour, NumberFormat format, boolean slantLabels) {
        DefaultCategoryDataset ds = dataset(data);
        JFreeChart chart = ChartFactory.createStackedBarChart(title, xLabel, yLabel, ds, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        for (int i = 0; i < data.series().size(); i++) r.setSeriesPaint(i, colour.apply(data.series().get(i)));
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(format);
        if (slantLabels) plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return look(chart);
    }

    /** The dataset of a stacked chart; values stay exact decimals ({@link java.math.BigDecimal} is a Number). */
    static DefaultCategoryDataset dataset(StackedData data) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (String s : data.series())
            for (String c : data.columns()) ds.addValue(data.value(s, c), Palette.label(s), c);
        return ds;
    }
}
