package io.wabill.report.chart;

import io.wabill.report.OutputFolder;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes charts as PNG (ChartUtils) and SVG (JFreeSVG), without a display: {@code java.awt.headless} is set before
 * AWT starts, since a server or CI machine has no screen.
 */
public final class ChartWriter {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private final ChartStyle style;

    public ChartWriter(ChartStyle style) { this.style = style; }

    public ChartStyle style() { return style; }

    /** Writes {@code <name>.png} and {@code <name>.svg} of each chart into {@code out} (renamed at its commit). */
    public void write(OutputFolder out, List<? extends Chart> charts) throws IOException {
        for (Chart c : charts) {
            JFreeChart drawn = c.draw(style);
            try (OutputStream png = out.openBinary(c.name() + ".png")) {
                ChartUtils.writeChartAsPNG(png, drawn, style.width(), style.height());
            }
            try (Writer svg = out.open(c.name() + ".svg")) {
                svg.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
                svg.write(svgElement(c.name(), drawn));
                svg.write("\n");
            }
        }
    }

    /** The chart as an {@code <svg>} element, to embed in HTML; ids are prefixed by the chart's name so that
     * several charts in one page never share one. */
    public String svg(Chart c) { return svgElement(c.name(), c.draw(style)); }

    private String svgElement(String name, JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(style.width(), style.height());
        // A fixed prefix instead of JFreeSVG's time-based one keeps the bytes the same from run to run.
        g.setDefsKeyPrefix(name + "-");
        chart.draw(g, new Rectangle(0, 0, style.width(), style.height()));
        String svg = g.getSVGElement(name + "-svg", true, new org.jfree.svg.ViewBox(0, 0, style.width(), style.height()), null, null);
        // Screen readers and tooltips read the <title> of an SVG; its text is escaped like any other.
        int close = svg.indexOf('>');
        return svg.substring(0, close + 1) + "<title>" + escape(chart.getTitle() == null ? name : chart.getTitle().getText())
                + "</title>" + svg.substring(close + 1);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The names of the files {@link #write} makes for these charts, in order. */
    public static List<String> fileNames(List<? extends Chart> charts) {
        List<String> names = new ArrayList<>();
        for (Chart c : charts) {
            names.add(c.name() + ".png");
            names.add(c.name() + ".svg");
        }
        return names;
    }
}
