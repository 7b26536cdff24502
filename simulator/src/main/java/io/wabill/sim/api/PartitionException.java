package io.wabill.sim.api;

/**
 * A row given to a session that does not own its portfolio, or a log that breaks the partition contract (an
 * account or business number in two portfolios). See {@link Partition}.
 */
public final class PartitionException extends IllegalArgumentException {
    public PartitionException(String message) { super(message); }
}
