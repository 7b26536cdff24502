package io.wabill.cli;

import java.util.Map;

/**
 * The pricing core and the application layer name options as their Java API does ({@code allowStaleCard}); the
 * command line's messages name its flags ({@code --allow-stale-card}). One table, applied to every message printed.
 */
final class FlagNames {
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
    static String of(String message) {
        if (message == null) return null;
        String s = message;
        for (Map.Entry<String, String> e : FLAGS.entrySet()) s = s.replace(e.getKey(), e.getValue());
        return s;
    }
}
