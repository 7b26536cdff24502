package io.wabill.sim.api;

/**
 * A row that ends in no ledger row: a bad row the caller could not read, a status row that disagrees with its
 * message or came too late, or a message that cannot be priced (no card, no rate, no token rate). The reason
 * names options in this API's terms (e.g. {@code allowStaleCard}, {@code statusHorizon}), never a command line's.
 *
 * @param rows how many log rows the problem covers: a message with status rows counts 1 skipped and the others merged
 */
public record RowProblem(String file, long line, String column, String value, String reason, int rows) {
    /** {@code file:line} */
    public String location() { return file + ":" + line; }
}
