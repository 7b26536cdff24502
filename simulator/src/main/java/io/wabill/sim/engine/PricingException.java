package io.wabill.sim.engine;

/** A message that cannot be priced because of its input (a missing card, rate or token rate); names the row. */
public final class PricingException extends RuntimeException {
    private final String file;
    private final long line;
    private final String column;
    private final String value;

    public PricingException(String file, long line, String column, String value, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    public String file() { return file; }

    public long line() { return line; }

    public String column() { return column; }

    public String value() { return value; }
}
