package io.wabill.report.chart;

import io.wabill.report.DailyRow;
import java.awt.Font;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.SimpleTimePeriod;
import org.jfree.data.time.TimeTableXYDataset;

/**
 * Charged amount per account-local day, stacked by billable category, with a line on each day a regime switched
 * (G1) or a new rate card took over (G2), from the rows of {@code daily.csv}. Days without charges show as zero.
 */
public final class DailyCostChart implements Chart {
    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
    /** The longest span, in days, whose days without charges are drawn as zero (ten years). */
    static final int MAX_FILLED_DAYS = 3_660;

    private final String name;
    private final String currency;
    private final StackedData data;
    private final List<Marker> markers;

    private DailyCostChart(String name, String currency, StackedData data, List<Marker> markers) {
        this.name = name;
        this.currency = currency;
        this.data = data;
        this.markers = markers;
    }

    public static DailyCostChart from(String name, List<DailyRow> rows, String currency) {
        StackedData.Builder b = new StackedData.Builder(Comparator.naturalOrder(), Palette::compareCategories);
        LocalDate first = null, last = null;
        for (DailyRow r : rows) {
            if (!r.currency().equals(currency)) continue;
            LocalDate d = LocalDate.parse(r.day());
            if (first == null || d.isBefore(first)) first = d;
            if (last == null || d.isAfter(last)) last = d;
            b.add(r.billableCategory(), r.day(), r.amount());
        }
        // Days without charges show as zero, within a span a chart can show day by day; a log spanning more (a
        // stray row centuries away) keeps only its charged days, rather than millions of empty columns.
        if (first != null && java.time.temporal.ChronoUnit.DAYS.between(first, last) <= MAX_FILLED_DAYS)
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) b.column(d.toString());
        return new DailyCostChart(name, currency, b.build(true), markers(rows, currency));
    }

    /**
     * A marker where an account's regime or card differs from its previous charged day's; the same event in several
     * accounts is marked once. The first day has no marker: nothing changed yet.
     */
    static List<Marker> markers(List<DailyRow> rows, String currency) {
        Map<String, TreeMap<String, String[]>> byAccount = new TreeMap<>();
        for (DailyRow r : rows) {
            if (!r.currency().equals(currency)) continue;
            String[] day = byAccount.computeIfAbsent(r.account(), k -> new TreeMap<>())
                    .computeIfAbsent(r.day(), k -> new String[2]);
            if (!r.regime().isEmpty()) day[0] = r.regime();
            if (!r.rateCard().isEmpty()) day[1] = r.rateCard();
        }
        Set<Marker> found = new LinkedHashSet<>();
        for (TreeMap<String, String[]> days : byAccount.values()) {
            String regime = null, card = null;
            for (Map.Entry<String, String[]> e : days.entrySet()) {
                LocalDate day = LocalDate.parse(e.getKey());
                String r = e.getValue()[0], c = e.getValue()[1];
                if (r != null) {
                    if (regime != null && !r.equals(regime)) found.add(new Marker(day, "regime " + r));
                    regime = r;
                }
                if (c != null) {
                    if (card != null && !c.equals(card)) found.add(new Marker(day, "card " + c));
                    card = c;
                }
            }
        }
        List<Marker> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(Marker::day).thenComparing(Marker::label));
        return sorted;
    }

    public StackedData data() { return data; }

    public List<Marker> markers() { return markers; }

    @Override public String name() { return name; }

    @Override public String title() { return "Daily cost (" + currency + ") with regime switches and rate-card changes"; }

    @Override public JFreeChart draw(ChartStyle style) {
        TimeTableXYDataset ds = new TimeTableXYDataset(UTC, Locale.ROOT);
        for (String s : data.series())
            for (String c : data.columns()) ds.add(day(LocalDate.parse(c)), data.value(s, c), Palette.label(s), false);
        DateAxis x = new DateAxis("Account-local day");
        x.setTimeZone(UTC);
        x.setDateFormatOverride(dateFormat());
        NumberAxis y = new NumberAxis("Amount (" + currency + ")");
        y.setNumberFormatOverride(ChartStyle.money());
        StackedXYBarRenderer r = new StackedXYBarRenderer(0.15);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        for (int i = 0; i < data.series().size(); i++) r.setSeriesPaint(i, Palette.category(data.series().get(i)));
        XYPlot plot = new XYPlot(ds, x, y, r);
        int n = 0;
        for (Marker m : markers) {
            ValueMarker vm = new ValueMarker(m.day().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            vm.setPaint(Palette.MARKER);
            vm.setStroke(Draw.DASHED);
            vm.setLabel(m.label() + " (" + m.day() + ")");
            vm.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            vm.setLabelPaint(Palette.MARKER);
            // Alternate label heights so that two events on nearby days stay readable.
            vm.setLabelAnchor(n++ % 2 == 0 ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.RIGHT);
            vm.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(vm);
        }
        JFreeChart chart = new JFreeChart(title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Draw.look(chart);
        Draw.subtitle(chart, markers.isEmpty() ? "No regime switch or card change in this period"
                : markers.size() + " change(s): " + String.join("; ", markers.stream()
                        .map(m -> m.day() + " " + m.label()).toList()));
        return chart;
    }

    /**
     * The account-local day as a period of UTC milliseconds. JFreeChart's {@code Day} holds only the years 1900 to
     * 9999; a plain period holds any day a log may have (years 0 to 10000 once shifted to local time).
     */
    private static SimpleTimePeriod day(LocalDate d) {
        long start = d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return new SimpleTimePeriod(start, start + 86_400_000L - 1);
    }

    private static java.text.SimpleDateFormat dateFormat() {
        java.text.SimpleDateFormat f = new java.text.SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
        f.setTimeZone(UTC);
        return f;
    }
}
