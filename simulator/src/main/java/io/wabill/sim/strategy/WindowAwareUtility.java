package io.wabill.sim.strategy;

import io.wabill.sim.domain.TemplateCategory;
import java.time.Duration;

/**
 * Window-aware utility: a utility template sent while the customer service window is closed waits up to
 * {@code defer} for the customer's next message, then goes out inside the window it opened, where PMP does not
 * charge it (D3, before 2026-10-01). At the deadline it goes as logged. Under PMP-26 (E1) and CBP a utility
 * template is charged inside the window too, so there it is sent at once: waiting would cost time for nothing.
 */
public final class WindowAwareUtility implements Strategy {
    private final Duration defer;

    public WindowAwareUtility(Duration defer) { this.defer = defer; }

    static WindowAwareUtility of(StrategySpec s) { return new WindowAwareUtility(s.duration("defer", Duration.ofHours(24))); }

    @Override public String spec() { return "window-aware-utility:defer=" + StrategySpec.durationText(defer); }

    /** Only utility templates are looked at. */
    @Override public boolean leavesAlone(io.wabill.sim.events.Message logged) {
        return logged.kind() != io.wabill.sim.domain.MessageKind.TEMPLATE || logged.category() != TemplateCategory.UTILITY;
    }

    @Override public void decide(Intent intent, WindowView window, StrategyContext context, long now, Decision out) {
        // Waiting pays only where the window makes utility free (D3 under PMP, A2 under NBP) and the template is not
        // free already (a free entry point); under PMP-26 (E1) and CBP it would only delay the message.
        if (intent.isTemplate() && intent.category() == TemplateCategory.UTILITY && !window.serviceWindowOpen(now)
                && !defer.isZero() && window.freeInsideWindow(TemplateCategory.UTILITY, now)
                && !window.templateFree(TemplateCategory.UTILITY, now)) {
            out.defer(now + defer.toMillis(), true);
        } else {
            out.send();
        }
    }
}
