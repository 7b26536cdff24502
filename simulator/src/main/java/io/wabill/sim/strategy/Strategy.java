package io.wabill.sim.strategy;

/**
 * A way of messaging: for each business message the log intends to send, given the pair's windows now,
 * send it as it is, send it as another kind, defer it, or drop it. Customers' behaviour is the log's own:
 * only inbound messages that really happened open windows, at the times they happened.
 *
 * <p>Implementations keep no per-message state of their own (the replay holds deferred messages), so one
 * instance may serve a whole replay; they must be deterministic: the same log and parameters give the same
 * decisions.
 */
public interface Strategy {
    /** The canonical text of this strategy with its parameters, e.g. {@code conversation-first:defer=12h,categories=utility}. */
    String spec();

    /** Decides for a message at {@code now}, its intended send instant or the instant it was released. */
    void decide(Intent intent, WindowView window, StrategyContext context, long now, Decision out);

    /**
     * Decides what a message this strategy deferred becomes when released, either because the customer wrote
     * ({@code customerWrote}) or because its deadline came. The default sends it as it stands.
     */
    default void release(Intent intent, boolean customerWrote, WindowView window, StrategyContext context, long now,
                         Decision out) {
        out.send();
    }

    /**
     * The earliest instant at or after {@code t} this strategy lets the message go out, as it stands then: a promise
     * about timing (quiet hours) that must hold for every send, including one a later strategy of the chain releases.
     * The executive asks every strategy of the chain before each send. The default allows any instant.
     */
    default long notBefore(Intent intent, StrategyContext context, long t) { return t; }

    /**
     * True when this strategy sends {@code logged}, as the log has it, at once and unchanged, whatever the windows and
     * the instant: its {@link #decide} would say send and its {@link #notBefore} allow any instant. A chain whose
     * every strategy leaves a message alone lets the executive price it straight away, without asking the chain (a
     * forecast's free-form replies and inbound-answered messages are most of its business messages). The default
     * says false: asking is always right.
     */
    default boolean leavesAlone(io.wabill.sim.events.Message logged) { return false; }

    /**
     * True when the strategy's decisions read the logged message id (e.g. to pick messages by a hash of it). A
     * caller that makes messages whose ids serve nothing else (a forecast's generated traffic, one row a message) may
     * leave them out when no strategy of the chain reads them. The default reads none.
     */
    default boolean readsMessageIds() { return false; }
}
