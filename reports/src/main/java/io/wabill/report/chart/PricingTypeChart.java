package io.wabill.report.chart;

import io.wabill.report.SummaryRow;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/**
 * Free versus charged messages by pricing type per local month, from {@code summary.csv}: delivered business
 * messages only, since inbound, rejected and undelivered rows are neither free nor charged.
 */
public final class PricingTypeChart implements Chart {
    static final Set<String> NOT_DELIVERED_OUTBOUND = Set.of("inbound", "rejected", "undelivered");

    private final String name;
    private final StackedData data;

    private PricingTypeChart(String name, StackedData data) {
        this.name = name;
        this.data = data;
    }

    public static PricingTypeChart from(String name, List<SummaryRow> rows) {
        StackedData.Builder b = new StackedData.Builder(Comparator.naturalOrder(), Palette::compareTypes);
        for (SummaryRow r : rows) {
            b.column(r.month());
            if (!NOT_DELIVERED_OUTBOUND.contains(r.pricingType()))
                b.add(r.pricingType(), r.month(), BigDecimal.valueOf(r.messages()));
        }
        return new PricingTypeChart(name, b.build(true));
    }

    public StackedData data() { return data; }

    @Override public String name() { return name; }

    @Override public String title() { return "Free versus charged messages by pricing type"; }

    @Override public JFreeChart draw(ChartStyle style) {
        JFreeChart c = Draw.stackedBars(title(), "Local month", "Messages", data, Palette::pricingType,
                ChartStyle.count(), false);
        BigDecimal charged = BigDecimal.ZERO;
        for (String col : data.columns()) charged = charged.add(data.value("regular", col));
        Draw.subtitle(c, ChartStyle.count(charged.longValue()) + " charged (regular) of "
                + ChartStyle.count(data.total().longValue()) + " delivered business messages");
        return c;
    }
}
