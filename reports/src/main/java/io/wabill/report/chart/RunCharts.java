package io.wabill.report.chart;

import io.wabill.report.DailyRow;
import io.wabill.report.SummaryRow;
import io.wabill.report.TierRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The charts of one simulation run, each built from the rows of a CSV the run writes ({@code summary.csv},
 * {@code daily.csv}, {@code tiers.csv}), so a chart and the file never disagree. Amounts are never converted
 * between currencies: with several currencies, each gets its own money charts, named with a suffix.
 */
public final class RunCharts {
    /** How many tier charts at most (a month and a family each), so a long run does not flood the folder. */
    public static final int MAX_TIER_CHARTS = 12;

    private RunCharts() {}

    public static List<Chart> of(List<SummaryRow> summary, List<DailyRow> daily, List<TierRow> tiers, int topMarkets) {
        TreeSet<String> currencies = new TreeSet<>();
        for (SummaryRow r : summary) currencies.add(r.currency());
        List<Chart> charts = new ArrayList<>();
        for (String cur : currencies) {
            String suffix = currencies.size() > 1 ? "-" + cur.toLowerCase(Locale.ROOT) : "";
            charts.add(MonthlySpendChart.from("monthly-spend" + suffix, summary, cur));
            charts.add(MarketSpendChart.from("spend-by-market" + suffix, summary, cur, topMarkets));
            charts.add(DailyCostChart.from("daily-cost" + suffix, daily, cur));
        }
        charts.add(PricingTypeChart.from("pricing-types", summary));
        int n = 0;
        for (String[] mf : TierProgressChart.monthsAndFamilies(tiers)) {
            if (n++ == MAX_TIER_CHARTS) break;
            charts.add(TierProgressChart.from("tier-progress-" + mf[1] + "-" + mf[0], tiers, mf[0], mf[1]));
        }
        return charts;
    }
}
