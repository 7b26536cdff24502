package io.wabill.sim.strategy;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;

/**
 * Notification-first: every free-form business message outside the customer service window (and, with
 * {@code inside=true}, inside it too) is sent as a template of {@code category} instead. Outside the window a
 * free-form message would be refused (G7), so this is what a business that leads with templates pays.
 * Reactions and agent messages are left alone.
 */
public final class NotificationFirst implements Strategy {
    private final boolean inside;
    private final TemplateCategory category;

    public NotificationFirst(boolean inside, TemplateCategory category) {
        this.inside = inside;
        this.category = category;
    }

    static NotificationFirst of(StrategySpec s) {
        return new NotificationFirst(s.flag("inside", false), s.category("category", TemplateCategory.UTILITY));
    }

    @Override public String spec() { return "notification-first:inside=" + inside + ",category=" + category.code(); }

    /** Only free-form messages are looked at. */
    @Override public boolean leavesAlone(io.wabill.sim.events.Message logged) { return logged.kind() != MessageKind.FREE_FORM; }

    @Override public void decide(Intent intent, WindowView window, StrategyContext context, long now, Decision out) {
        if (intent.kind() == MessageKind.FREE_FORM && (inside || !window.serviceWindowOpen(now))) {
            out.sendAs(MessageKind.TEMPLATE, category);
        } else {
            out.send();
        }
    }
}
