package io.wabill.data.log;

/** A log file whose rows go back in time, so it cannot be streamed and must be sorted first. */
public final class UnsortedLogException extends Exception {
    private final String file;
    private final long line;

    public UnsortedLogException(String file, long line, String detail) {
        super(file + ":" + line + " " + detail);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }

    public long line() { return line; }
}
