package io.wabill.report.chart;

import org.jfree.chart.JFreeChart;

/**
 * One wabill chart: its data, already computed from the rows a CSV holds, and how to draw it. {@link ChartWriter}
 * writes any chart as PNG and SVG; {@link io.wabill.report.html.HtmlReport} embeds it as inline SVG.
 */
public interface Chart {
    /** File name without extension, e.g. {@code monthly-spend}. */
    String name();

    String title();

    JFreeChart draw(ChartStyle style);
}
