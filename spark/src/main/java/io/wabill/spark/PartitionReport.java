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
    /** Time the task spent inside the pricing session (accept, advance, finish), and reading its rows. */
    long pricingNanos;
    final List<Error> errors = new ArrayList<>();
    final List<Cell> summary = new ArrayList<>();

    PartitionReport(int partition) { this.partition = partition; }
}
