package io.wabill.report;

import io.wabill.report.fees.Surcharges;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.money.Money;
import io.wabill.sim.engine.LedgerSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes {@code ledger.csv}: one row per message in charge order (FORMATS.md section 4). Rows are encoded as UTF-8
 * straight into one reused {@link CsvLine} ({@link LedgerFormatter}), where they pile up and go to the stream in
 * blocks of about 64 KB, which a ledger of millions of rows does faster than a {@code Writer}'s encoder. Given a
 * {@code Writer}, each block is decoded back to text (blocks end at row ends).
 */
public final class LedgerWriter implements LedgerSink, AutoCloseable {
    private final Writer writer;
    private final OutputStream stream;
    private final LedgerFormatter format;
    private final String lineEnd;
    /** The rows not written yet. */
    private final CsvLine line = new CsvLine();
    private static final int BLOCK = 1 << 16;
    private long rows;
    private final Surcharges surcharges;

    /** Columns appended after FORMATS.md's when fees or tax are asked for (--fees, --tax); Meta's amount is untouched. */
    public static final java.util.List<String> SURCHARGE_COLUMNS = java.util.List.of("fee", "tax", "total");

    /** @param mask null to print customers as given */
    public LedgerWriter(Writer out, CsvDialect dialect, CustomerMask mask) throws IOException {
        this.writer = out;
        this.stream = null;
        this.format = new LedgerFormatter(mask);
        this.lineEnd = dialect.lineEnd();
        this.surcharges = null;
        new CsvWriter(out, dialect).row(LedgerFormat.COLUMNS.toArray(new String[0]));
    }

    /** Writes to a byte stream, UTF-8 (with the dialect's BOM). */
    public LedgerWriter(OutputStream out, CsvDialect dialect, CustomerMask mask) throws IOException {
        this(out, dialect, mask, null);
    }

    /**
     * Writes to a byte stream; with {@code surcharges} each row ends with the provider's fee, the tax and the total
     * paid (Meta's amount + fee + tax), and without them the ledger is exactly FORMATS.md's.
     */
    public LedgerWriter(OutputStream out, CsvDialect dialect, CustomerMask mask, Surcharges surcharges) throws IOException {
        this.writer = null;
        this.stream = out;
        this.format = new LedgerFormatter(mask);
        this.lineEnd = dialect.lineEnd();
        this.surcharges = surcharges;
        if (dialect.bom()) out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        for (String c : LedgerFormat.COLUMNS) line.raw(c);
        if (surcharges != null) for (String c : SURCHARGE_COLUMNS) line.raw(c);
        line.end(lineEnd);
    }

    @Override public void accept(LedgerLine l) {
        try {
            format.format(l, line);
            if (surcharges != null) {
                long fee = surcharges.fee(l), tax = surcharges.tax(l.amountUnits(), fee);
                line.amount(fee).amount(tax).amount(Money.add(Money.add(l.amountUnits(), fee), tax));
            }
            line.end(lineEnd);
            rows++;
            if (line.length() >= BLOCK) flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() throws IOException {
        if (writer != null) line.writeTo(writer);
        else stream.write(line.bytes(), 0, line.length());
        line.clear();
    }

    public long rows() { return rows; }

    @Override public void close() throws IOException {
        flush();
        if (writer != null) writer.close();
        else stream.close();
    }
}
