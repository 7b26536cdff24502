package io.wabill.report;

/**
 * One row of {@code tiers.csv}: charged tiered messages of one volume-tier counter (portfolio, market, category
 * family, local month: D6, D7) on one day, the running count at the end of that day, the band the engine priced
 * the day's last message at, and where the next band of the card in force starts (empty when the band is open).
 */
public record TierRow(String month, String portfolio, String market, String family, String day, long messages,
                      long cumulative, String band, String nextBandFrom, String currency, String rateCard) {}
