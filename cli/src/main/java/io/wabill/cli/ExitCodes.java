package io.wabill.cli;

/** What wabill's exit codes mean. */
public final class ExitCodes {
    /** Everything was read and priced (with {@code --on-error skip}, skipped rows are in errors.csv). */
    public static final int OK = 0;
    /** Bad input data: a log row, a rate card, an accounts file, a missing card or rate. */
    public static final int BAD_INPUT = 1;
    /** A usage error: an unknown option or a bad option value. */
    public static final int USAGE = 2;
    /** A fault in wabill itself; please report it. */
    public static final int INTERNAL = 3;

    private ExitCodes() {}
}
