package io.wabill.data.io;

import java.io.IOException;

/**
 * An input file that cannot be read as what it claims to be, or that breaks a bound set to keep memory in check
 * (a gzip bomb, a cell or line too long, a table too large): where it is (file, line, column when known) and what
 * was expected. It is bad input, never a fault of wabill's; callers turn it into their own problem lists or
 * row errors, so the user sees one line naming the file.
 */
public final class BadInputException extends IOException {
    private final String file;
    private final long line;
    private final String column;
    private final String reason;

    public BadInputException(String file, long line, String column, String reason) {
        super(describe(file, line, column, reason));
        this.file = file;
        this.line = line;
        this.column = column == null ? "" : column;
        this.reason = reason;
    }

    public BadInputException(String file, long line, String column, String reason, Throwable cause) {
        this(file, line, column, reason);
        initCause(cause);
    }

    /** The file as the user named it. */
    public String file() { return file; }

    /** The line the problem is on, or 0 when it concerns the whole file (its size, its compression). */
    public long line() { return line; }

    /** The column (a name or a 1-based field number), or "" when not known. */
    public String column() { return column; }

    /** What is wrong, without the location. */
    public String reason() { return reason; }

    private static String describe(String file, long line, String column, String reason) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) b.append(':').append(line);
        if (column != null && !column.isEmpty()) b.append(" column ").append(column);
        return b.append(": ").append(reason).toString();
    }
}
