package io.wabill.data.traffic;

import java.util.List;

/**
 * A synthetic traffic model (issue 5): the business numbers customers write to, an optional account id for
 * the log's {@code account} column, and one {@link MarketTraffic} per market. Read from YAML by
 * {@link TrafficModelReader}, written by {@link TrafficModelWriter}, turned into a log by
 * {@link TrafficGenerator}, estimated from a log by {@link TrafficFitter}. Immutable.
 *
 * @param account the account id written in every row, or null for no account column (the default account)
 */
public record TrafficModel(List<String> businesses, String account, List<MarketTraffic> markets) {
    public TrafficModel {
        if (businesses.isEmpty()) throw new IllegalArgumentException("a traffic model needs at least one business number");
        if (markets.isEmpty()) throw new IllegalArgumentException("a traffic model needs at least one market");
        businesses = List.copyOf(businesses);
        markets = List.copyOf(markets);
    }

    /** Expected rows a day at scale 1 across markets, for progress and sizing (not used to generate). */
    public double expectedRowsPerDay() {
        double sum = 0;
        for (MarketTraffic m : markets) sum += m.expectedRowsPerDay();
        return sum;
    }
}
