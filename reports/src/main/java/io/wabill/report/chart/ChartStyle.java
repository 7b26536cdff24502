package io.wabill.report.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How charts are drawn: the size in pixels (PNG) or user units (SVG), and the number formats every chart shares
 * (thousands separators, a dot for decimals, whatever the machine's locale, so a chart matches the CSV).
 */
public record ChartStyle(int width, int height) {
    public static final ChartStyle DEFAULT = new ChartStyle(1000, 560);

    public ChartStyle {
        if (width < 200 || width > 10_000) throw new IllegalArgumentException("chart width must be 200 to 10000, was " + width);
        if (height < 150 || height > 10_000) throw new IllegalArgumentException("chart height must be 150 to 10000, was " + height);
    }

    /** Reads {@code 1000x560}. */
    public static ChartStyle parse(String size) {
        String[] p = size.trim().toLowerCase(Locale.ROOT).split("x");
        if (p.length != 2) throw new IllegalArgumentException("a chart size is WIDTHxHEIGHT such as 1000x560, was '" + size + "'");
        try {
            return new ChartStyle(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a chart size is WIDTHxHEIGHT such as 1000x560, was '" + size + "'");
        }
    }

    @Override public String toString() { return width + "x" + height; }

    /** Money on axes and labels: {@code 12,345.67}. */
    public static NumberFormat money() { return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)); }

    /** Counts: {@code 12,345}. */
    public static NumberFormat count() { return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)); }

    /** An exact amount as a label, rounded half-up to cents only for display. */
    public static String money(BigDecimal v) { return money().format(v.setScale(2, RoundingMode.HALF_UP)); }

    public static String count(long v) { return count().format(v); }
}
