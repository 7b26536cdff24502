package io.wabill.sim.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds strategies from their text: {@code name:key=value,…}; several joined by {@code ;} compose in order
 * (the first decides first; a message it sends on, possibly changed, goes to the next).
 */
public final class Strategies {
    public static final List<String> NAMES = List.of("as-logged", "conversation-first", "notification-first",
            "window-aware-utility", "reclassify", "quiet-hours");

    private Strategies() {}

    public static StrategyChain parse(String text) {
        List<Strategy> chain = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) continue;
            chain.add(one(part));
        }
        if (chain.isEmpty()) throw new IllegalArgumentException("no strategy in '" + text + "'");
        return new StrategyChain(chain);
    }

    static Strategy one(String text) {
        StrategySpec s = new StrategySpec(text);
        Strategy st;
        switch (s.name()) {
            case "as-logged": st = new AsLogged(); break;
            case "conversation-first": st = ConversationFirst.of(s); break;
            case "notification-first": st = NotificationFirst.of(s); break;
            case "window-aware-utility": st = WindowAwareUtility.of(s); break;
            case "reclassify": st = Reclassify.of(s); break;
            case "quiet-hours": st = QuietHours.of(s); break;
            default:
                throw new IllegalArgumentException("unknown strategy '" + s.name() + "'"
                        + io.wabill.sim.names.Suggestions.hint(s.name(), NAMES) + "; known: " + String.join(", ", NAMES));
        }
        s.done();
        return st;
    }
}
