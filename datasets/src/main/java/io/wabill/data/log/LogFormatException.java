package io.wabill.data.log;

/** A log that cannot be read at all, or a bad row when the run stops at the first error. */
public final class LogFormatException extends RuntimeException {
    private final RowError error;

    public LogFormatException(RowError error) {
        super(error.describe());
        this.error = error;
    }

    public RowError error() { return error; }
}
