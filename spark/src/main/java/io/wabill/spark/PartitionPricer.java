package io.wabill.spark;

import io.wabill.data.log.RowError;
import io.wabill.sim.engine.Engine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.engine.PricingException;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.exec.Pipeline;
import io.wabill.sim.market.MarketResolver;
import io.wabill.sim.rates.CatalogException;
import io.wabill.sim.strategy.StrategyChain;
import java.util.function.Consumer;

/**
 * The one door from a Spark task into wabill's pricing core: one pricing session for the rows of a task's
 * portfolios (assembler, executive, engine: {@link Pipeline}, wired as {@code simulate} wires it). Everything the
 * job asks of the core goes through here, so moving to the library's {@code PricingSession} changes this class only.
 *
 * <p>Rows that cannot be used (a status row that disagrees with its message or came too late, a message that cannot
 * be priced) are skipped and reported with {@code simulate}'s reasons; whether the run then fails is the driver's
 * decision ({@code --on-error}), made once over every task.
 */
final class PartitionPricer implements Pipeline.Problems {
    private final Pipeline pipeline;
    private final Consumer<RowError> skipped;
    private final Runnable outOfReach;

    PartitionPricer(PricingInputs in, LedgerSink sink, Consumer<RowError> skipped, Runnable outOfReach) {
        this.skipped = skipped;
        this.outOfReach = outOfReach;
        Engine engine;
        try {
            engine = new Engine(in.catalog.rates(), new MarketResolver(in.catalog.markets()), in.accounts, in.pricing, sink);
        } catch (CatalogException e) {
            throw new UserException(e.getMessage());
        }
        this.pipeline = new Pipeline(engine, StrategyChain.asLogged(), in.options.statusHorizon.toMillis(), this);
    }

    /**
     * The task's rows are held whole, as {@code simulate} holds a log that is not sorted or whose status rows came
     * later than it can stream: these messages (of the task's rows) wait for their delivery whatever the delay.
     */
    void holdWhole(java.util.Set<String> deliveredIds) { pipeline.holdWhole(deliveredIds); }

    /** The task's next row, in the log's order (timestamp, file, line). */
    void accept(LogRow row) { pipeline.accept(row); }

    /**
     * A row of another task's portfolio reached {@code timestamp}: messages are released when one reader of the whole
     * log would release them, so their order, and with it every price, is the order {@code simulate} prices in.
     */
    void advance(long timestamp) { pipeline.advance(timestamp); }

    /** Ends the task's rows; returns the status rows merged into an earlier row of their message. */
    long finish() {
        pipeline.finish();
        return pipeline.rowsMerged();
    }

    @Override public void unpriced(PricingException e) {
        skipped.accept(new RowError(e.file(), e.line(), e.column(), e.value(),
                e.getMessage() + (e.rows() > 1 ? " (the message's " + e.rows() + " status rows)" : "")));
    }

    @Override public void rejectedRow(LogRow row, String column, String reason) {
        skipped.accept(new RowError(row.file(), row.line(), column, "", reason));
    }

    @Override public void outOfReach(LogRow row, String column, String reason) {
        outOfReach.run();
        skipped.accept(new RowError(row.file(), row.line(), column, row.messageId(), reason));
    }
}
