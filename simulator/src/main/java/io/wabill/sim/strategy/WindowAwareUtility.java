package io.wabill.sim.strategy;

import io.wabill.sim.domain.TemplateCategory;
import java.time.Duration;

/**
 * Window-aware utility: a utility template sent while the customer service window is closed waits up to
 * {@code defer} for the customer's next message, then goes out inside the window it opened, where PMP does not
 * charge it (D3, before 2026-10-01; under PMP-26 it is charged anyway, E1). At the deadline it goes as logged.
 */
public final class WindowAwareUtility implements Strategy {
    private final Duration defer;

    public WindowAwareUtility(Duration defer) { this.defer = defer; }

    static WindowAwareUtility of(StrategySpec s) { return new WindowAwareUtility(s.duration("defer", Duration.ofHours(24))); }

    @Override public String spec() { return "window-aware-utility:defer=" + StrategySpec.durationText(defer); }

    @Override public void decide(Intent intent, WindowView window, StrategyContext context, long now, Decision out) {
        if (intent.isTemplate() && intent.category() == TemplateCategory.UTILITY && !window.serviceWindowOpen(now)
                && !defer.isZero()) {
            out.defer(now + defer.toMillis(), true);
        } else {
            out.send();
        }
    }
}
