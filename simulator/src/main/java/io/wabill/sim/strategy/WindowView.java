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
}
