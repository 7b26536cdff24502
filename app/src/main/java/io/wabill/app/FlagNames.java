package io.wabill.app;

import java.util.Map;

/**
 * The pricing core and the application layer name options as their Java API does ({@code allowStaleCard}); the
 * command lines' messages name their flags ({@code --allow-stale-card}). One table for {@code wabill} and
 * {@code wabill-spark}, whose flags are the same, applied to every message they print and to {@code errors.csv}.
 */
public final class FlagNames {
    private FlagNames() {}

    /** API term, as the core writes it in a message, to the flag that sets it. */
    private static final Map<String, String> FLAGS = Map.of(
            "allowStaleCard", "--allow-stale-card",
            "agentRatePerMillion", "--agent-rate",
            "statusHorizon", "--status-horizon",
            "pinnedCard", "--card",
            "maxUnsortedRows", "--max-unsorted-rows",
            "unknownTemplateCategory", "--unknown-template-category");

    /** The message with each API option name replaced by its flag. */
    public static String of(String message) {
        if (message == null) return null;
        String s = message;
        for (Map.Entry<String, String> e : FLAGS.entrySet()) s = s.replace(e.getKey(), e.getValue());
        return s;
    }
}
