package io.wabill.spark;

import io.wabill.data.log.RowError;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What one pricing task did: its row accounting, the rows it skipped and its part of the summary. */
final class PartitionReport implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A summary cell (SummaryTable's key, messages and amount in 10^-8 units). */
    record Cell(String month, String account, String market, String billable, String type, String currency,
                long messages, long units) implements Serializable {}

    /** A skipped row; {@code fatal} for a file that could not be read on. */
    record Error(int fileIndex, String file, long line, String column, String value, String reason, boolean fatal)
            implements Serializable {
        RowError rowError() { return new RowError(file, line, column, value, reason); }
    }

    final int partition;
    long rowsIn;
    long ledgerRows;
    long merged;
    long skipped;
    /** Messages a strategy withheld: always 0, since the job prices messages as logged. */
    long withheld;
    /** The task's rows of daily.csv, tiers.csv and templates.csv. */
    TaskTables tables = new TaskTables();
    /** Status rows later than a streamed log can wait for (G10, G3): the run is priced again held whole, if short. */
    long outOfReach;
    /** Time the task spent inside the pricing session (accept, advance, finish), and reading its rows. */
    long pricingNanos;
    /** From the task's start to its first row: fetching the shuffle and sorting (Spark sorts before it hands a row). */
    long firstRowNanos;
    /** The task thread's CPU time to its first row, and to its end. */
    long firstRowCpuNanos;
    long cpuNanos;
    /** Wall time of the task from its first row to its end. */
    long afterFirstRowNanos;

    /** The pricing session's share of the CPU after the first row, by its share of the wall time. */
    long pricingCpuNanos() {
        return afterFirstRowNanos <= 0 ? 0 : (long) ((double) (cpuNanos - firstRowCpuNanos) * pricingNanos / afterFirstRowNanos);
    }
    /** The task's row accounting, as its session gave it. */
    io.wabill.sim.api.RowAccounting accounting() {
        return new io.wabill.sim.api.RowAccounting(rowsIn, ledgerRows, merged, skipped, withheld);
    }

    final List<Error> errors = new ArrayList<>();
    final List<Cell> summary = new ArrayList<>();

    PartitionReport(int partition) { this.partition = partition; }
}
