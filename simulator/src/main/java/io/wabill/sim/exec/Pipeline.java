package io.wabill.sim.exec;

import io.wabill.sim.engine.Engine;
import io.wabill.sim.engine.PricingException;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.LogRowFields;
import io.wabill.sim.events.Message;
import io.wabill.sim.events.MessageAssembler;
import io.wabill.sim.strategy.StrategyChain;

/**
 * The one path from log rows to priced ledger lines: the assembler merges status rows and orders messages, the
 * executive applies the strategy, the engine prices. {@code simulate}, {@code compare}, {@code forecast} and the
 * parallel lanes all run it; what to do with a row or message that cannot be used is theirs to say.
 */
public final class Pipeline implements MessageAssembler.Listener {
    /** What happens to rows and messages the pipeline cannot use. */
    public interface Problems {
        /** A message the engine cannot price (a missing card, rate or token rate); the state is unchanged. */
        void unpriced(PricingException e);

        /** A status row that disagrees with its message. */
        void rejectedRow(LogRow row, String column, String reason);

        /**
         * A row later than a streamed log can wait for (past the status horizon, or a delivery before messages
         * already priced, G10, G3): skipped when this returns. A log held whole never has one.
         */
        default void outOfReach(LogRow row, String column, String reason) { rejectedRow(row, column, reason); }
    }

    private final Engine engine;
    private final Replay replay;
    private final MessageAssembler assembler;
    private final Problems problems;
    private long lastInstant;

    /**
     * @param statusHorizonMillis how long a streamed message waits for its status rows (G10), or
     *                            {@link MessageAssembler#WHOLE_LOG} for a log held whole
     */
    public Pipeline(Engine engine, StrategyChain chain, long statusHorizonMillis, Problems problems) {
        this.engine = engine;
        this.problems = problems;
        this.replay = new Replay(engine, chain);
        this.assembler = new MessageAssembler(engine::evaluationInstant, statusHorizonMillis, this);
        if (chain.isAsLogged()) assembler.holdPerKey(engine::portfolioOf);
    }

    /** The log is held whole: status rows wait for it whatever the delay (G10); see {@link MessageAssembler#holdWhole}. */
    public void holdWhole(java.util.Set<String> deliveredIds) {
        assembler.holdWhole(deliveredIds);
        engine.keepEveryPair(); // a message may come any time behind the latest one of another portfolio
    }

    /** The next row of a log sorted by timestamp; its fields are read now, never kept (it may be a reused buffer). */
    public void accept(LogRowFields row) { assembler.accept(row); }

    /** The next row, with its insertion order given by a reader of the whole log (a parallel lane). */
    public void accept(LogRowFields row, long sequence) { assembler.accept(row, sequence); }

    /** Another lane's row reached {@code timestamp}: release what one reader would release now. */
    public void advance(long timestamp) { assembler.advance(timestamp); }

    /** Ends the log: releases every held message and fires the executive's last events. */
    public void finish() {
        assembler.finish();
        while (true) {
            try {
                replay.finish();
                return;
            } catch (PricingException e) {
                problems.unpriced(e);
            }
        }
    }

    @Override public void message(Message m) {
        lastInstant = engine.evaluationInstant(m);
        try {
            replay.submit(m, lastInstant);
        } catch (PricingException e) {
            problems.unpriced(e);
        }
    }

    @Override public void atSend(Message m) { replay.atSend(m); }

    @Override public void rejectedRow(LogRow row, String column, String reason) {
        problems.rejectedRow(row, column, reason);
    }

    @Override public void outOfReach(LogRow row, String column, String reason) {
        problems.outOfReach(row, column, reason);
    }

    @Override public void undelivered(Message m, String why) { engine.explainUndelivered(m, why); }

    /** The evaluation instant of the message handed to the executive last. */
    public long lastInstant() { return lastInstant; }

    public Engine engine() { return engine; }

    public ReplayStats stats() { return replay.stats(); }

    /** Status rows merged into an earlier row of their message. */
    public long rowsMerged() { return assembler.rowsMerged(); }
}
