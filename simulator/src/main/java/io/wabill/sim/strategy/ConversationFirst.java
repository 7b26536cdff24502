package io.wabill.sim.strategy;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Conversation-first: a template of a deferrable category is sent as a free-form reply when the customer
 * service window is open; otherwise it waits up to {@code defer} for the customer's next message and then
 * goes out free-form inside the window that message opened; at the deadline it goes as the logged template.
 * A template that is already free as it stands (see {@link WindowView#templateFree}) goes at once, unchanged.
 * Assumes the content can be written as a free-form message and that waiting is acceptable to the business.
 */
public final class ConversationFirst implements Strategy {
    private final Duration defer;
    private final Set<TemplateCategory> categories;

    public ConversationFirst(Duration defer, Set<TemplateCategory> categories) {
        if (defer.isNegative()) throw new IllegalArgumentException("conversation-first: defer must be >= 0");
        this.defer = defer;
        this.categories = EnumSet.copyOf(categories);
    }

    static ConversationFirst of(StrategySpec s) {
        return new ConversationFirst(s.duration("defer", Duration.ofHours(24)),
                s.categories("categories", EnumSet.of(TemplateCategory.UTILITY, TemplateCategory.MARKETING)));
    }

    @Override public String spec() {
        return "conversation-first:defer=" + StrategySpec.durationText(defer) + ",categories=" + StrategySpec.categoriesText(categories);
    }

    @Override public void decide(Intent intent, WindowView window, StrategyContext context, long now, Decision out) {
        if (!intent.isTemplate() || !categories.contains(intent.category())) {
            out.send();
        } else if (window.templateFree(intent.category(), now)) {
            // Already free as it stands (a free entry point, utility inside the window under PMP, an open CBP
            // conversation): rewriting or waiting cannot save anything and might cost.
            out.send();
        } else if (window.serviceWindowOpen(now)) {
            out.sendAs(MessageKind.FREE_FORM, null);
        } else if (defer.isZero()) {
            out.send();
        } else {
            out.defer(now + defer.toMillis(), true);
        }
    }

    /** Only templates of its categories are looked at. */
    @Override public boolean leavesAlone(io.wabill.sim.events.Message logged) {
        return logged.kind() != MessageKind.TEMPLATE || !categories.contains(logged.category());
    }

    @Override public void release(Intent intent, boolean customerWrote, WindowView window, StrategyContext context,
                                  long now, Decision out) {
        if (customerWrote && window.serviceWindowOpen(now) && !window.templateFree(intent.category(), now))
            out.sendAs(MessageKind.FREE_FORM, null);
        else out.send();
    }
}
