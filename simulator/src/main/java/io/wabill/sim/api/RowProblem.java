package io.wabill.sim.api;

/**
 * A row that ends in no ledger row: a bad row the caller could not read, a status row that disagrees with its
 * message or came too late, or a message that cannot be priced (no card, no rate, no token rate). The reason
 * names options in this API's terms (e.g. {@code allowStaleCard}, {@code statusHorizon}), never a command line's.
 *
 * @param rows how many log rows the problem covers: a message with status rows counts 1 skipped and the others merged
 */
public record RowProblem(String file, long line, String column, String value, String reason, int rows, Kind kind) {
    /** What went wrong with the row. */
    public enum Kind {
        /** the caller could not read it (a bad CSV row), see {@link PricingSession#skip} */
        UNREADABLE,
        /** a status row that disagrees with its message or came too late (the same in every configuration) */
        REJECTED_ROW,
        /** a message the configuration cannot price: no card, rate or token rate (another configuration may) */
        UNPRICEABLE,
        /**
         * a row later than a streamed log can wait for (past the status horizon, or a delivery before messages already
         * priced, G10, G3); a session holding the whole log ({@link PricingSession#holdWhole}) never meets one, so a
         * caller may read the log again that way instead of skipping the row
         */
        OUT_OF_REACH
    }

    /** A row the caller could not read. */
    public RowProblem(String file, long line, String column, String value, String reason, int rows) {
        this(file, line, column, value, reason, rows, Kind.UNREADABLE);
    }

    /** {@code file:line} */
    public String location() { return file + ":" + line; }
}
