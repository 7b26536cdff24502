package io.wabill.sim.strategy;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;

/**
 * What a strategy decided for one business message. One instance is reused for every decision of a replay,
 * so deciding allocates nothing.
 */
public final class Decision {
    /** The four things a strategy can do with a message. */
    public enum Action { SEND, SEND_AS, DEFER, DROP }

    Action action = Action.SEND;
    MessageKind kind;
    TemplateCategory category;
    long deadline;
    boolean untilCustomerMessage;
    String reason;

    /** Send it as it stands. */
    public void send() {
        action = Action.SEND;
        kind = null;
        category = null;
    }

    /** Send it as another kind or category (a free-form reply instead of a template, or the reverse). */
    public void sendAs(MessageKind newKind, TemplateCategory newCategory) {
        action = Action.SEND_AS;
        kind = newKind;
        category = newCategory;
    }

    /**
     * Hold it until {@code deadline} (epoch ms), or, when {@code untilCustomerMessage}, until the customer's next
     * message to that business number opens a window, whichever comes first.
     */
    public void defer(long deadline, boolean untilCustomerMessage) {
        action = Action.DEFER;
        this.deadline = deadline;
        this.untilCustomerMessage = untilCustomerMessage;
    }

    /** Do not send it; the reason is reported. */
    public void drop(String why) {
        action = Action.DROP;
        reason = why;
    }

    public Action action() { return action; }

    public MessageKind kind() { return kind; }

    public TemplateCategory category() { return category; }

    public long deadline() { return deadline; }

    public boolean untilCustomerMessage() { return untilCustomerMessage; }

    public String reason() { return reason; }
}
