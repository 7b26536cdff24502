package io.wabill.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.report.DailyRow;
import io.wabill.report.SummaryRow;
import io.wabill.report.TierRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The chart maths, apart from drawing: which series, which values, which labels. */
class ChartDataTest {
    private static BigDecimal d(String s) { return new BigDecimal(s); }

    private static SummaryRow s(String month, String market, String cat, String type, long n, String amount) {
        return new SummaryRow(month, "a", market, cat, type, n, d(amount), "USD");
    }

    static final List<SummaryRow> SUMMARY = List.of(
            s("2026-09", "Brazil", "marketing", "regular", 10, "0.6250"),
            s("2026-09", "Brazil", "utility", "regular", 5, "0.0400"),
            s("2026-09", "India", "", "inbound", 7, "0"),
            s("2026-10", "Brazil", "service", "free_customer_service", 3, "0"),
            s("2026-10", "India", "utility", "regular", 2, "0.0160"),
            s("2026-10", "Mexico", "authentication", "regular", 4, "0.0200"),
            s("2026-10", "Germany", "marketing", "regular", 1, "0.1000"),
            new SummaryRow("2026-10", "b", "Brazil", "marketing", "regular", 9, d("99"), "INR"));

    @Test
    void monthlySpendStacksEachCategorysAmountPerMonthInPaletteOrder() {
        StackedData data = MonthlySpendChart.from("m", SUMMARY, "USD").data();
        assertEquals(List.of("2026-09", "2026-10"), data.columns());
        assertEquals(List.of("marketing", "utility", "authentication"), data.series());
        assertEquals(d("0.6250"), data.value("marketing", "2026-09"));
        assertEquals(d("0.1000"), data.value("marketing", "2026-10"));
        assertEquals(d("0.0160"), data.value("utility", "2026-10"));
        assertEquals(0, data.value("authentication", "2026-09").signum());
        assertEquals(d("0.8010"), data.total());
    }

    @Test
    void amountsInAnotherCurrencyNeverMixIn() {
        assertEquals(d("99"), MonthlySpendChart.from("m", SUMMARY, "INR").data().total());
    }

    @Test
    void topNKeepsTheLargestAndLumpsTheRestUnlessOnlyOneIsLeft() {
        Map<String, BigDecimal> totals = new TreeMap<>(Map.of("A", d("5"), "B", d("9"), "C", d("1"), "D", d("1"),
                "E", d("0")));
        TopN two = TopN.of(totals, 2);
        assertEquals(List.of("B", "A"), two.top());
        assertEquals(List.of("C", "D"), two.rest());
        assertEquals("Other markets (2)", two.restLabel("markets"));
        TopN three = TopN.of(totals, 3);
        assertEquals(List.of("B", "A", "C", "D"), three.top(), "a rest of one is shown by name; zero totals are dropped");
        assertThrows(IllegalArgumentException.class, () -> TopN.of(totals, 0));
    }

    @Test
    void spendByMarketHasTheTopMarketsThenTheRestColumnStackedByCategory() {
        MarketSpendChart c = MarketSpendChart.from("k", SUMMARY, "USD", 1);
        assertEquals(List.of("Brazil", "Other markets (3)"), c.data().columns());
        assertEquals(d("0.6650"), c.data().columnTotal("Brazil"));
        assertEquals(d("0.1360"), c.data().columnTotal("Other markets (3)"));
        assertEquals(d("0.1000"), c.data().value("marketing", "Other markets (3)"));
        assertEquals(List.of("Germany", "Mexico", "India"), c.split().rest());
    }

    @Test
    void pricingTypesCountDeliveredBusinessMessagesOnly() {
        StackedData data = PricingTypeChart.from("p", SUMMARY).data();
        assertEquals(List.of("regular", "free_customer_service"), data.series());
        assertEquals(d("15"), data.value("regular", "2026-09"));
        assertEquals(d("16"), data.value("regular", "2026-10"));
        assertEquals(d("3"), data.value("free_customer_service", "2026-10"));
    }

    private static DailyRow day(String day, String account, String cat, String amount, String regime, String card) {
        return new DailyRow(day, account, cat, 1, d(amount), "USD", regime, card);
    }

    @Test
    void dailyCostFillsDaysWithoutChargesAndMarksSwitchesAndCardChangesOnce() {
        List<DailyRow> rows = List.of(
                day("2026-09-29", "a", "utility", "0.0080", "PMP", "USD@2026-07-01"),
                day("2026-10-01", "a", "utility", "0.0080", "PMP-26", "USD@2026-10-01"),
                day("2026-10-01", "a", "service", "0.0080", "PMP-26", "USD@2026-10-01"),
                day("2026-09-30", "b", "marketing", "0.0625", "PMP", "USD@2026-07-01"),
                day("2026-10-01", "b", "marketing", "0.0625", "PMP-26", "USD@2026-10-01"));
        DailyCostChart c = DailyCostChart.from("d", rows, "USD");
        assertEquals(List.of("2026-09-29", "2026-09-30", "2026-10-01"), c.data().columns());
        assertEquals(0, c.data().columnTotal("2026-09-29").compareTo(d("0.0080")));
        assertEquals(0, c.data().columnTotal("2026-10-01").compareTo(d("0.0785")));
        assertEquals(List.of(new Marker(LocalDate.of(2026, 10, 1), "card USD@2026-10-01"),
                new Marker(LocalDate.of(2026, 10, 1), "regime PMP-26")), c.markers());
    }

    @Test
    void tierProgressCarriesCountsOverQuietDaysAndKeepsTheCardsThresholds() {
        List<TierRow> rows = List.of(
                new TierRow("2026-10", "p", "Brazil", "utility", "2026-10-01", 2, 2, "1:3", "4", "USD", "USD@2026-10-01"),
                new TierRow("2026-10", "p", "Brazil", "utility", "2026-10-03", 2, 4, "4:MAX", "", "USD", "USD@2026-10-01"),
                new TierRow("2026-10", "p", "India", "utility", "2026-10-04", 1, 1, "1:100000", "100001", "USD", "USD@2026-10-01"),
                new TierRow("2026-10", "p", "India", "authentication", "2026-10-04", 1, 1, "1:9", "10", "USD", "USD@2026-10-01"));
        assertEquals(2, TierProgressChart.monthsAndFamilies(rows).size());
        TierProgressChart c = TierProgressChart.from("t", rows, "2026-10", "utility");
        assertEquals(2, c.lines().size());
        TierProgressChart.Line brazil = c.lines().get(0);
        assertEquals("Brazil", brazil.label());
        assertEquals(31, brazil.cumulative().length);
        assertArrayEquals(new long[] {2, 2, 4, 4}, java.util.Arrays.copyOf(brazil.cumulative(), 4));
        assertEquals(4, brazil.last());
        assertEquals(List.of(4L), brazil.thresholds());
        assertEquals(List.of(100001L), c.lines().get(1).thresholds());
        assertEquals(List.of(4L, 100001L), c.allThresholds());
    }

    @Test
    void aThresholdFarAboveTheCountsStaysOffTheAxis() {
        assertEquals(4 * 1.05, Ranges.upperBound(4, List.of(4L, 100001L)), 1e-9);
        assertEquals(7 * 1.05, Ranges.upperBound(4, List.of(7L)), 1e-9);
        assertEquals(List.of(7L), Ranges.visible(4, List.of(100001L, 7L)));
        assertEquals(1.05, Ranges.upperBound(0, List.of()), 1e-9);
    }

    @Test
    void comparisonLabelsShowTheDeltaAndItsShareOfTheBaseline() {
        assertEquals("baseline", ComparisonChart.deltaLabel(new ComparisonChart.Row("now", d("1000"), d("0"))));
        assertEquals("+1,234.50 (+12.3 %)", ComparisonChart.deltaLabel(new ComparisonChart.Row("more", d("11234.50"), d("1234.50"))));
        assertEquals("-50.00 (-5.0 %)", ComparisonChart.deltaLabel(new ComparisonChart.Row("less", d("950"), d("-50"))));
    }

    @Test
    void aFanPointRefusesQuantilesOutOfOrder() {
        assertThrows(IllegalArgumentException.class, () -> new FanChart.Point("2027-01", d("5"), d("4"), d("6")));
        assertTrue(new FanChart.Point("2027-01", d("4"), d("4"), d("6")).p50().compareTo(d("4")) == 0);
    }

    @Test
    void aFanChartStartsAtZeroAndLabelsEachMonthWithItsLength() {
        assertEquals("2027-02 (28 d)", FanChart.label("2027-02"));
        assertEquals("2028-02 (29 d)", FanChart.label("2028-02"));
        assertEquals("2027-01 (31 d)", FanChart.label("2027-01"));
        assertEquals("week 3", FanChart.label("week 3"));
        FanChart fan = new FanChart("forecast", "USD", List.of(new FanChart.Point("2027-01", d("3600"), d("3700"), d("3800")),
                new FanChart.Point("2027-02", d("3300"), d("3400"), d("3500"))));
        org.jfree.chart.plot.XYPlot plot = (org.jfree.chart.plot.XYPlot) fan.draw(new ChartStyle(800, 450)).getPlot();
        assertEquals(0.0, plot.getRangeAxis().getLowerBound(), "a band near 3,600 is drawn from zero, not from 3,300");
        org.jfree.chart.axis.SymbolAxis months = (org.jfree.chart.axis.SymbolAxis) plot.getDomainAxis();
        assertArrayEquals(new String[] {"2027-01 (31 d)", "2027-02 (28 d)"}, months.getSymbols());
    }

    @Test
    void everyCategoryAndPricingTypeHasItsOwnColour() {
        assertEquals(Palette.CATEGORY_ORDER.size(), Palette.CATEGORY_ORDER.stream().map(Palette::category).distinct().count());
        assertEquals(Palette.TYPE_ORDER.size(), Palette.TYPE_ORDER.stream().map(Palette::pricingType).distinct().count());
    }

    @Test
    void chartSizesAreReadAndChecked() {
        assertEquals(new ChartStyle(800, 450), ChartStyle.parse("800x450"));
        assertThrows(IllegalArgumentException.class, () -> ChartStyle.parse("800"));
        assertThrows(IllegalArgumentException.class, () -> ChartStyle.parse("10x10"));
        assertEquals("1,234,567.89", ChartStyle.money(d("1234567.885")));
    }
}
