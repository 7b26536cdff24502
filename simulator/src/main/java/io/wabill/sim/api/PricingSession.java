package io.wabill.sim.api;

import io.wabill.sim.engine.Engine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.engine.PricingException;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.LogRowFields;
import io.wabill.sim.exec.Pipeline;
import io.wabill.sim.exec.ReplayStats;
import java.util.HashMap;
import java.util.Map;

/**
 * One pass of log rows through the pricing model: rows in time order go in with {@link #accept}, each message's
 * ledger entry goes to the sink as soon as nothing can change it, and {@link #finish()} ends the log and returns
 * the {@link RowAccounting}. Inside, rows are merged into messages (status rows, G10), ordered by evaluation
 * instant (G3, A4), passed through the strategy chain and priced by the engine.
 *
 * <p>Memory is bounded by the open windows and the status horizon, not the log's length. One session per thread;
 * sessions of one {@link PricingConfig} share nothing but the configuration. A session of a {@link Partition}
 * refuses rows of other portfolios (the partition contract is on {@link Partition}).
 */
public final class PricingSession {
    private final PricingConfig config;
    private final SessionOptions options;
    private final Engine engine;
    private final Pipeline pipeline;
    private final Partition partition;
    private final ProblemHandler problems;
    private final Map<String, String> portfolioOfAccount = new HashMap<>();
    private final Map<String, String> portfolioOfBusiness = new HashMap<>();
    private String lastAccount;
    private String lastPortfolio;
    private long lastTimestamp = Long.MIN_VALUE;
    private long rowsIn, ledgerRows, skipped;
    private RowAccounting accounting;

    PricingSession(PricingConfig config, LedgerSink lines, SessionOptions options) {
        if (config.needsCountingPass() && !options.countingPass() && options.monthTotals() == null)
            throw new IllegalStateException("whole-month bands (nbpBands = WHOLE_MONTH, A3) need each month's final count "
                    + "before its first template: run a session with SessionOptions.asCountingPass() over the same rows "
                    + "first and give its monthTotals() with SessionOptions.withMonthTotals");
        this.config = config;
        this.options = options;
        this.partition = options.partition();
        this.problems = options.problems();
        this.engine = config.newEngine(line -> {
            ledgerRows++;
            lines.accept(line);
        });
        if (options.monthTotals() != null) engine.useNbpMonthTotals(options.monthTotals().counts());
        this.pipeline = new Pipeline(engine, config.strategy(), config.statusHorizon().toMillis(), new Pipeline.Problems() {
            @Override public void unpriced(PricingException e) {
                report(new RowProblem(e.file(), e.line(), e.column(), e.value(), e.getMessage()
                        + (e.rows() > 1 ? " (the message's " + e.rows() + " status rows)" : ""), e.rows(),
                        RowProblem.Kind.UNPRICEABLE));
            }

            @Override public void rejectedRow(LogRow row, String column, String reason) {
                report(new RowProblem(row.file(), row.line(), column, "", reason, 1, RowProblem.Kind.REJECTED_ROW));
            }

            @Override public void outOfReach(LogRow row, String column, String reason) {
                report(new RowProblem(row.file(), row.line(), column, row.messageId(), reason, 1, RowProblem.Kind.OUT_OF_REACH));
            }
        });
    }

    /**
     * The log's next row. Rows come in time order (by timestamp; a log of several files in the order given);
     * a row earlier than the one before is an {@link IllegalArgumentException}: sort the log first.
     *
     * <p>The row's fields are read during the call and never kept, so a reader may parse every line into one
     * {@link io.wabill.sim.events.RowBuffer} and give it here each time: no object per row. A
     * {@link LogRow} record is a row too.
     *
     * @throws PartitionException when the row is not in this session's partition
     */
    public void accept(LogRowFields row) {
        admit(row);
        pipeline.accept(row);
    }

    /**
     * The next row of this session's partition, with its position among all rows of the whole log; give every row of
     * the other partitions to {@link #advanceTo}. Entries then come out as one whole-log session releases them, so
     * partitions merge in one order (see {@link Partition}).
     */
    public void accept(LogRowFields row, long position) {
        admit(row);
        pipeline.accept(row, position);
    }

    /** A row of another partition was read at {@code timestamp}: release what a whole-log session would release now. */
    public void advanceTo(long timestamp) {
        checkOrder(timestamp, null);
        pipeline.advance(timestamp);
    }

    /**
     * The caller holds the whole log, sorted, and gives it to this session: status rows then wait for the end of the
     * log whatever their delay (G10), so no row is out of reach. Call before the first row.
     *
     * @param wholeLog every row of the log (of this session's partition and the others), in time order
     */
    public void holdWhole(java.util.Collection<LogRow> wholeLog) {
        open();
        if (lastTimestamp != Long.MIN_VALUE) throw new IllegalStateException("holdWhole comes before the first row");
        pipeline.holdWhole(io.wabill.sim.events.MessageAssembler.deliveredIds(wholeLog));
    }

    /**
     * A row the caller could not read (a bad CSV row): counted in and skipped, and given to the problem handler,
     * which decides whether the session goes on.
     */
    public void skip(RowProblem problem) {
        open();
        rowsIn++;
        report(problem);
    }

    /**
     * Ends the log: releases every held message, fires the strategies' last events and checks that every row is
     * accounted for.
     *
     * @throws IllegalStateException when rows in != ledger rows + merged + skipped + withheld by the strategy (a bug,
     *                               never bad input)
     */
    public RowAccounting finish() {
        open();
        pipeline.finish();
        accounting = new RowAccounting(rowsIn, ledgerRows, pipeline.rowsMerged(), skipped, withheld()).checked();
        return accounting;
    }

    /** The accounting so far (final after {@link #finish()}). */
    public RowAccounting accounting() {
        return accounting != null ? accounting : new RowAccounting(rowsIn, ledgerRows, pipeline.rowsMerged(), skipped, withheld());
    }

    /** Messages a strategy dropped or still held back: never sent, so no ledger row (their status rows are merged). */
    /** Messages a strategy withheld: dropped ones. Pending ones are priced at the log's end and have their ledger row. */
    private long withheld() { return pipeline.stats().dropped(); }

    /** The counting pass's totals, for the pricing session of a whole-month run (A3); after {@link #finish()}. */
    public MonthTotals monthTotals() {
        if (!options.countingPass()) throw new IllegalStateException("only a counting pass (SessionOptions.asCountingPass()) gives month totals");
        if (accounting == null) throw new IllegalStateException("the counting pass is not finished");
        return new MonthTotals(engine.counters());
    }

    /** What the strategy chain did to the business messages. */
    public ReplayStats strategyStats() { return pipeline.stats(); }

    /**
     * The evaluation instant of the message being priced (in a sink) or priced last: with the message's customer or
     * business side and its first row's position, the key that orders entries of several partitions.
     */
    public long currentInstant() { return pipeline.lastInstant(); }

    /** The most (business, customer) pairs held at once. */
    public int peakPairs() { return engine.peakPairs(); }

    /** Pairs held now, the most held at once and how many were forgotten, for a diagnostic line. */
    public String stateReport() { return engine.stateReport(); }

    public PricingConfig config() { return config; }

    public SessionOptions options() { return options; }

    private void admit(LogRowFields row) {
        open();
        checkOrder(row.timestamp(), row);
        rowsIn++;
        if (partition.isWholeLog()) return;
        String portfolio = portfolioOf(row);
        if (!partition.owns(portfolio))
            throw new PartitionException(row.location() + ": the row is in portfolio " + portfolio
                    + ", which this session's partition does not own");
        String accountWas = portfolioOfAccount.putIfAbsent(row.account(), portfolio);
        if (accountWas != null && !accountWas.equals(portfolio))
            throw new PartitionException(row.location() + ": account " + row.account() + " is in portfolios " + accountWas
                    + " and " + portfolio + "; portfolios cannot be priced apart");
        // Keyed by the cell as written (the reader interns it), so a row allocates nothing; "+1555..." and "1555..."
        // are one number, matched once when a form is first seen.
        String businessWas = portfolioOfBusiness.get(row.business());
        if (businessWas == null) {
            String digits = row.business().startsWith("+") ? row.business().substring(1) : row.business();
            businessWas = portfolioOfBusiness.get(digits);
            if (businessWas == null) {
                businessWas = portfolio;
                portfolioOfBusiness.put(digits, portfolio);
            }
            portfolioOfBusiness.put(row.business(), businessWas);
        }
        if (!businessWas.equals(portfolio))
            throw new PartitionException(row.location() + ": business number " + row.business() + " is in portfolios "
                    + businessWas + " and " + portfolio + "; portfolios cannot be priced apart");
    }

    private String portfolioOf(LogRowFields row) {
        if (row.portfolio() != null && !row.portfolio().isEmpty()) return row.portfolio();
        if (row.account() != lastAccount) { // the reader interns account names
            lastAccount = row.account();
            lastPortfolio = config.accounts().get(row.account()).portfolio();
        }
        return lastPortfolio;
    }

    private void checkOrder(long timestamp, LogRowFields row) {
        if (timestamp < lastTimestamp)
            throw new IllegalArgumentException((row == null ? "a row" : row.location()) + " is earlier than the row before it: "
                    + "a session takes rows in time order; sort the log first");
        lastTimestamp = timestamp;
    }

    private void open() {
        if (accounting != null) throw new IllegalStateException("the session is finished");
    }

    private void report(RowProblem p) {
        problems.problem(p);
        skipped++;
    }
}
