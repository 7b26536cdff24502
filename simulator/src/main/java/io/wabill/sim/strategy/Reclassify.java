package io.wabill.sim.strategy;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;

/**
 * Category risk: a share {@code p} of utility templates is billed as marketing, as when Meta re-classifies a
 * template. Which ones is decided by a hash of the seed and the message id, so the choice does not depend on
 * the order of the log or on other strategies, and the same seed picks the same messages.
 */
public final class Reclassify implements Strategy {
    private final double share;
    private final long seed;

    public Reclassify(double share, long seed) {
        this.share = share;
        this.seed = seed;
    }

    static Reclassify of(StrategySpec s) { return new Reclassify(s.share("p", 0.1), s.number("seed", 1)); }

    @Override public String spec() { return "reclassify:p=" + share + ",seed=" + seed; }

    /** The choice is a hash of the message id. */
    @Override public boolean readsMessageIds() { return true; }

    /** Only utility templates are looked at. */
    @Override public boolean leavesAlone(io.wabill.sim.events.Message logged) {
        return logged.kind() != MessageKind.TEMPLATE || logged.category() != TemplateCategory.UTILITY;
    }

    @Override public void decide(Intent intent, WindowView window, StrategyContext context, long now, Decision out) {
        if (intent.isTemplate() && intent.category() == TemplateCategory.UTILITY && chosen(intent.logged().messageId())) {
            out.sendAs(MessageKind.TEMPLATE, TemplateCategory.MARKETING);
        } else {
            out.send();
        }
    }

    boolean chosen(String messageId) {
        long x = seed * 0x9E3779B97F4A7C15L + (messageId == null ? 0 : messageId.hashCode());
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        double u = (x >>> 11) * 0x1.0p-53;
        return u < share;
    }
}
