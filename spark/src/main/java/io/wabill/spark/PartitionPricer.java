package io.wabill.spark;

import io.wabill.sim.api.MonthTotals;
import io.wabill.sim.api.Partition;
import io.wabill.sim.api.PricingSession;
import io.wabill.sim.api.ProblemHandler;
import io.wabill.sim.api.RowAccounting;
import io.wabill.sim.api.RowProblem;
import io.wabill.sim.api.SessionOptions;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.events.LogRow;
import java.util.Collection;

/**
 * The one door from a Spark task into wabill's pricing core: one {@link PricingSession} of the library API
 * ({@code io.wabill.sim.api}) for the rows of a task's portfolios, advanced over the log's clock. The pricing
 * session gets the engine's reused ledger line ({@code newLineSession}): the task turns each into a Spark row at
 * once, so nothing is copied per message.
 *
 * <p>The session's {@link Partition} is the task's share of the portfolios ({@link TaskPortfolios}), so the session
 * itself refuses a row Spark routed to the wrong task, or an account or number it has seen in another portfolio.
 * Rows that cannot be used (a bad row the reader reported, a status row that disagrees with its message or came too
 * late, a message that cannot be priced) go to the {@link ProblemHandler}, which records them: whether the run then
 * fails is the driver's decision ({@code --on-error}), made once over every task. Row accounting is the session's,
 * checked by {@link PricingSession#finish()}.
 */
final class PartitionPricer {
    private final PricingSession session;
    private final long[] clock;
    private int tick;

    private PartitionPricer(PricingSession session, long[] clock) {
        this.session = session;
        this.clock = clock;
    }

    /**
     * The session that prices a task's rows.
     *
     * @param totals the task's counting pass under whole-month bands (A3), else null
     */
    static PartitionPricer pricing(PricingInputs in, Partition partition, long[] clock, LedgerSink sink,
                                   ProblemHandler problems, MonthTotals totals) {
        SessionOptions o = SessionOptions.defaults().withPartition(partition).withProblems(problems);
        return new PartitionPricer(in.config.newLineSession(sink, totals == null ? o : o.withMonthTotals(totals)), clock);
    }

    /**
     * The counting pass of whole-month bands (A3) over the same rows: each (account, market, local month)'s final
     * template count, which the pricing session needs before the month's first template. It meets the rows the
     * pricing session meets, with the same problems: the pricing session records them (and a row out of reach there
     * makes the driver hold the log whole, counting pass and all, as {@code simulate} counts again held whole), so
     * here they are only skipped.
     */
    static PartitionPricer counting(PricingInputs in, Partition partition, long[] clock) {
        ProblemHandler skip = p -> { };
        SessionOptions o = SessionOptions.defaults().withPartition(partition).withProblems(skip).asCountingPass();
        return new PartitionPricer(in.config.newLineSession(line -> { }, o), clock);
    }

    /**
     * The task holds its rows whole, as {@code simulate} holds a log that is not sorted or whose status rows came
     * later than it can stream: the messages of these rows wait for their delivery whatever the delay (G10).
     */
    void holdWhole(Collection<LogRow> rows) { session.holdWhole(rows); }

    /**
     * The task's next row, in the log's order (timestamp, file, line). First the clock advances over the log's
     * timestamps before it: a row of another task's portfolio read then releases messages when one reader of the
     * whole log would release them, so their order, and with it every price, is the order {@code simulate} prices in.
     */
    void accept(LogRow row) {
        long t = row.timestamp();
        while (tick < clock.length && clock[tick] < t) session.advanceTo(clock[tick++]);
        session.accept(row);
    }

    /** A row the reader could not use: counted in and skipped, with the reader's reason. */
    void skip(RowProblem problem) { session.skip(problem); }

    /** Ends the task's rows (the rest of the log's clock first); rows in = ledger rows + merged + skipped, checked. */
    RowAccounting finish() {
        while (tick < clock.length) session.advanceTo(clock[tick++]);
        return session.finish();
    }

    /** The counting pass's totals, after {@link #finish()}. */
    MonthTotals monthTotals() { return session.monthTotals(); }
}
