package io.wabill.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.wabill.report.CsvCells;
import io.wabill.report.DailyRow;
import io.wabill.report.TierRow;
import java.math.BigDecimal;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** Charts draw any local day a log may hold: years 0 to 10000 once an instant of 0001..9999 is shifted to local time. */
class AnyYearChartsTest {
    private static DailyRow day(String day, String card) {
        return new DailyRow(day, "default", "marketing", 1, new BigDecimal("0.0625"), "USD", "PMP-26", card);
    }

    @Test
    void theDailyChartDrawsDaysBefore1900AndAfter9999() {
        for (List<DailyRow> rows : List.of(List.of(day("0000-12-31", "USD@0000-01-01"), day("1898-12-31", "USD@1898-01-01")),
                List.of(day("9999-12-31", "USD@2026-10-01"), day("+10000-01-01", "USD@9999-01-01")),
                List.of(day("1899-12-30", "USD@0000-01-01")))) {
            DailyCostChart c = DailyCostChart.from("daily-cost", rows, "USD");
            JFreeChart drawn = c.draw(ChartStyle.DEFAULT);
            assertNotNull(drawn.createBufferedImage(640, 400));
            assertNotNull(new ChartWriter(ChartStyle.DEFAULT).svg(c));
        }
    }

    @Test
    void aLogSpanningCenturiesKeepsOnlyItsChargedDays() {
        DailyCostChart c = DailyCostChart.from("daily-cost", List.of(day("0001-01-01", "A"), day("9999-12-30", "A")), "USD");
        assertEquals(2, c.data().columns().size());
        DailyCostChart near = DailyCostChart.from("daily-cost", List.of(day("2026-10-01", "A"), day("2026-10-31", "A")), "USD");
        assertEquals(31, near.data().columns().size(), "days without charges show as zero within ten years");
    }

    @Test
    void theTierChartDrawsAMonthPastTheYear9999() {
        TierRow r = new TierRow("+10000-01", "p", "Brazil", "utility", "+10000-01-01", 3, 3, "1:", "", "USD", "USD@2026-10-01");
        TierProgressChart c = TierProgressChart.from("tiers", List.of(r), "+10000-01", "utility");
        assertNotNull(c.draw(ChartStyle.DEFAULT).createBufferedImage(640, 400));
        TierRow old = new TierRow("0000-12", "p", "Brazil", "utility", "0000-12-31", 3, 3, "1:", "", "USD", "USD@0000-01-01");
        assertNotNull(TierProgressChart.from("tiers", List.of(old), "0000-12", "utility").draw(ChartStyle.DEFAULT));
    }

    @Test
    void formattedCellsThatCouldStartAFormulaAreNeutralizedAndNumbersAreNot() {
        assertEquals("'+10000-01-01", CsvCells.formatted("+10000-01-01"));
        assertEquals("'+10000-01", CsvCells.formatted("+10000-01"));
        assertEquals("-0.0625", CsvCells.formatted("-0.0625"));
        assertEquals("-12", CsvCells.formatted("-12"));
        assertEquals("-1.5E-7", CsvCells.formatted("-1.5E-7"));
        assertEquals("'-x", CsvCells.formatted("-x"));
        assertEquals("'=1+2", CsvCells.formatted("=1+2"));
        assertEquals("2026-10-01", CsvCells.formatted("2026-10-01"));
    }
}
