package io.wabill.sim.strategy;

import io.wabill.sim.domain.TemplateCategory;

/** What a strategy may see of a (business number, customer) pair's windows, at an instant. */
public interface WindowView {
    /** The customer service window (G6) is open: any message may be sent, free-form included. */
    boolean serviceWindowOpen(long t);

    /** When the customer service window closes (exclusive), or Long.MIN_VALUE if it never opened. */
    long serviceWindowEnd();

    /** A free entry point window or conversation is open (B4, C7, D5). */
    boolean freeEntryPointOpen(long t);

    /** A CBP conversation of the template category's kind is open (C2). */
    boolean conversationOpen(TemplateCategory category, long t);

    /**
     * A template of {@code category} delivered at {@code t} would cost nothing as it stands, under the regime in
     * force: inside a free entry point window or using a pending entry (B4, C7, D5), inside the care window under
     * NBP (A2), inside an open conversation that covers it under CBP (B1, C2), a utility template inside the
     * service window under PMP (D3). Waiting cannot make such a message cheaper.
     */
    boolean templateFree(TemplateCategory category, long t);

    /**
     * A template of {@code category} would be free inside an open customer service window under the regime in
     * force at {@code t}: utility under PMP (D3), everything under NBP (A2); never under CBP or PMP-26 (E1).
     */
    boolean freeInsideWindow(TemplateCategory category, long t);
}
