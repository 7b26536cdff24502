package io.wabill.sim.strategy;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.events.Message;

/**
 * A business message the log intends to send, as strategies have shaped it so far: its current kind and
 * category, and, once deferred, who deferred it and until when.
 */
public final class Intent {
    final Message logged;
    MessageKind kind;
    TemplateCategory category;
    int nextStrategy;
    int deferredBy = -1;
    long deadline;
    boolean waitingForCustomer;
    boolean settled;
    boolean wasDeferred;
    boolean releasedByCustomer;
    long generation;
    long firstSeenAt;
    boolean refusedAsLogged;
    /** The executive's list of intents waiting for the same customer: a circle, the first one's previous is the last. */
    Intent waitingNext, waitingPrevious;
    /** The executive's copy of the engine's key of the customer, kept while the message is held; NO_KEY before. */
    long customerKey = IntentAccess.NO_KEY;

    public Intent(Message logged) {
        this.logged = logged;
        this.kind = logged.kind();
        this.category = logged.category();
    }

    /** The message as the log has it. */
    public Message logged() { return logged; }

    public MessageKind kind() { return kind; }

    public TemplateCategory category() { return category; }

    /** The instant the log sent it: the moment every delay is measured from. */
    public long loggedAt() { return logged.sendAt(); }

    public boolean isTemplate() { return kind == MessageKind.TEMPLATE; }
}
