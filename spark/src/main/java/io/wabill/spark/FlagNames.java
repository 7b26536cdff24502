package io.wabill.spark;

import java.util.Map;

/**
 * The pricing core names options as its Java API does ({@code allowStaleCard}); {@code wabill-spark}, like
 * {@code wabill}, names its flags ({@code --allow-stale-card}) in every message and in {@code errors.csv}, so its
 * errors read as {@code simulate}'s.
 */
final class FlagNames {
    private FlagNames() {}

    private static final Map<String, String> FLAGS = Map.of(
            "allowStaleCard", "--allow-stale-card",
            "agentRatePerMillion", "--agent-rate",
            "statusHorizon", "--status-horizon",
            "pinnedCard", "--card",
            "maxUnsortedRows", "--max-unsorted-rows");

    static String of(String message) {
        if (message == null) return null;
        String s = message;
        for (Map.Entry<String, String> e : FLAGS.entrySet()) s = s.replace(e.getKey(), e.getValue());
        return s;
    }
}
