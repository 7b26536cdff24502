package io.wabill.data.log;

/** Decides what a bad row does: stop the run (throw) or be skipped and reported. */
@FunctionalInterface
public interface RowErrorHandler {
    void badRow(RowError error);

    /** Stops at the first bad row (the default {@code --on-error stop}). */
    RowErrorHandler STOP = e -> { throw new LogFormatException(e); };
}
