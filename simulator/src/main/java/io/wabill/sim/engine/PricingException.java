package io.wabill.sim.engine;

/** A message that cannot be priced because of its input (a missing card, rate or token rate); names the row. */
public final class PricingException extends RuntimeException {
    private final String file;
    private final long line;
    private final String column;
    private final String value;
    private final int rows;

    public PricingException(String file, long line, String column, String value, String message) {
        this(file, line, column, value, message, 1);
    }

    /** @param rows how many input rows the unpriced message stands for (its status rows) */
    public PricingException(String file, long line, String column, String value, String message, int rows) {
        super(message);
        this.rows = rows;
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    public String file() { return file; }

    public long line() { return line; }

    public String column() { return column; }

    public String value() { return value; }

    public int rows() { return rows; }
}
