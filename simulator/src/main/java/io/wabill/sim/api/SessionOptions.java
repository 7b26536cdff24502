package io.wabill.sim.api;

import java.util.Objects;

/**
 * How one {@link PricingSession} runs, apart from the {@link PricingConfig} it shares with others: its part of the
 * log, what happens to rows it cannot use, and, under whole-month bands (A3), its counting pass. Immutable;
 * {@code with…} methods return changed copies.
 *
 * @param partition    the part of the log the session prices ({@link Partition#wholeLog()} by default)
 * @param problems     what happens to a row that ends in no ledger row ({@link ProblemHandler#STOP} by default)
 * @param monthTotals  the counting pass's totals, needed when {@code nbpBands = WHOLE_MONTH}; null otherwise
 * @param countingPass this session is the counting pass of a whole-month run: its entries are not the run's, and
 *                     {@link PricingSession#monthTotals()} gives the totals for the pricing session
 */
public record SessionOptions(Partition partition, ProblemHandler problems, MonthTotals monthTotals, boolean countingPass) {
    public SessionOptions {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(problems, "problems");
        if (countingPass && monthTotals != null) throw new IllegalArgumentException("a counting pass has no month totals yet");
    }

    /** The whole log; a problem stops the session. */
    public static SessionOptions defaults() { return new SessionOptions(Partition.wholeLog(), ProblemHandler.STOP, null, false); }

    public SessionOptions withPartition(Partition p) { return new SessionOptions(p, problems, monthTotals, countingPass); }

    /** Shorthand for one portfolio's partition. */
    public SessionOptions withPortfolio(String portfolio) { return withPartition(Partition.portfolio(portfolio)); }

    public SessionOptions withProblems(ProblemHandler h) { return new SessionOptions(partition, h, monthTotals, countingPass); }

    public SessionOptions withMonthTotals(MonthTotals t) { return new SessionOptions(partition, problems, t, false); }

    /** The counting pass of a whole-month run (A3). */
    public SessionOptions asCountingPass() { return new SessionOptions(partition, problems, null, true); }
}
