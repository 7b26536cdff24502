package io.wabill.sim.api;

/**
 * Where a session's log rows went: nothing is lost, so {@code rowsIn = ledgerRows + rowsMerged + rowsSkipped
 * + rowsWithheld}. A ledger row is one priced message; a merged row is a status row folded into an earlier row of its
 * message (G10); a skipped row is one the caller could not read or the session could not price (see
 * {@link RowProblem}); a withheld row is a message a strategy dropped (never sent, so never priced; always 0 for
 * messages priced as logged). A message still held back when the log ended is priced as if sent then, so it has its
 * ledger row. Partial results of sessions over disjoint
 * partitions of one log add up with {@link #plus}.
 */
public record RowAccounting(long rowsIn, long ledgerRows, long rowsMerged, long rowsSkipped, long rowsWithheld) {
    public static final RowAccounting ZERO = new RowAccounting(0, 0, 0, 0, 0);

    /** The accounting of messages priced as logged (nothing withheld). */
    public RowAccounting(long rowsIn, long ledgerRows, long rowsMerged, long rowsSkipped) {
        this(rowsIn, ledgerRows, rowsMerged, rowsSkipped, 0);
    }

    /** Whether every row is accounted for. */
    public boolean balanced() { return rowsIn == ledgerRows + rowsMerged + rowsSkipped + rowsWithheld; }

    /** This, or an {@link IllegalStateException} naming the four counts when they do not add up. */
    public RowAccounting checked() {
        if (!balanced())
            throw new IllegalStateException("row accounting does not add up: " + rowsIn + " rows in, " + ledgerRows
                    + " ledger rows + " + rowsMerged + " status rows merged + " + rowsSkipped + " skipped"
                    + (rowsWithheld == 0 ? "" : " + " + rowsWithheld + " withheld by the strategy"));
        return this;
    }

    /** The accounting of two sessions over disjoint partitions of one log, as one session of both would give. */
    public RowAccounting plus(RowAccounting o) {
        return new RowAccounting(rowsIn + o.rowsIn, ledgerRows + o.ledgerRows, rowsMerged + o.rowsMerged,
                rowsSkipped + o.rowsSkipped, rowsWithheld + o.rowsWithheld);
    }
}
