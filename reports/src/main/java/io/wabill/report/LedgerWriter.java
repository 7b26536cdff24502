package io.wabill.report;

import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes {@code ledger.csv}: one row per message in charge order (FORMATS.md section 4). Each row is built in
 * one reused {@link CsvLine} and written with one call; the strings of rates and tier labels, which repeat
 * on every charged row, are made once per band.
 */
public final class LedgerWriter implements LedgerSink, AutoCloseable {
    private final Writer out;
    private final CsvWriter csv;
    private final LedgerFormatter format;
    private final String lineEnd;
    private final CsvLine line = new CsvLine();
    private long rows;

    /** @param mask null to print customers as given */
    public LedgerWriter(Writer out, CsvDialect dialect, CustomerMask mask) throws IOException {
        this.out = out;
        this.csv = new CsvWriter(out, dialect);
        this.format = new LedgerFormatter(mask);
        this.lineEnd = dialect.lineEnd();
        csv.row(LedgerFormat.COLUMNS.toArray(new String[0]));
    }

    @Override public void accept(LedgerLine l) {
        try {
            format.format(l, line.clear());
            line.end(lineEnd).writeTo(out);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a row another formatter built (a portfolio priced on another thread). */
    public void acceptFormatted(char[] chars, int from, int length) {
        try {
            out.write(chars, from, length);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long rows() { return rows; }

    @Override public void close() throws IOException { csv.close(); }
}
