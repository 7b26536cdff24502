package io.wabill.data.analytics;

import java.math.BigDecimal;
import java.util.List;

/**
 * A saved Graph API analytics response for one WhatsApp Business Account: {@code pricing_analytics} (per
 * delivered message, from per-message pricing on) or {@code conversation_analytics} (per conversation).
 *
 * @param waba the response's {@code id}, or empty
 */
public record AnalyticsResponse(String file, Kind kind, String waba, List<DataPoint> points) {
    /** Which endpoint the response came from: it decides what a unit of {@code volume} is. */
    public enum Kind { PRICING, CONVERSATION }

    /**
     * One data point, upper-case values as Meta prints them; a dimension the query did not ask for is empty.
     * {@code category} is {@code pricing_category} or {@code conversation_category}, {@code type} is {@code
     * pricing_type} or {@code conversation_type}, {@code volume} is {@code volume} or {@code conversation}.
     *
     * @param start epoch ms, inclusive
     * @param end   epoch ms, exclusive
     * @param cost  null when Meta gave no cost (a WABA on a partner's credit line)
     */
    public record DataPoint(int index, long start, long end, String country, String phone, String category, String type,
                            String direction, String tier, long volume, BigDecimal cost) {}
}
