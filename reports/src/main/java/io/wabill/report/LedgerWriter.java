package io.wabill.report;

import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.events.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes {@code ledger.csv}: one row per message in charge order (FORMATS.md section 4). */
public final class LedgerWriter implements LedgerSink, AutoCloseable {
    private final CsvWriter csv;
    private final CustomerMask mask;
    private long rows;

    /** @param mask null to print customers as given */
    public LedgerWriter(Writer out, CsvDialect dialect, CustomerMask mask) throws IOException {
        this.csv = new CsvWriter(out, dialect);
        this.mask = mask;
        csv.row(LedgerFormat.COLUMNS.toArray(new String[0]));
    }

    @Override public void accept(LedgerLine l) {
        Message m = l.message();
        try {
            csv.text(m.messageId());
            csv.raw(LedgerFormat.instant(m.sendAt()));
            csv.raw(LedgerFormat.instant(l.chargedAt()));
            csv.text(m.account());
            csv.text(m.business());
            csv.text(mask == null ? m.customer() : mask.mask(m.customer()));
            csv.text(l.market());
            csv.raw(m.direction().code());
            csv.raw(m.kind().code());
            csv.text(m.template());
            csv.raw(LedgerFormat.category(m));
            csv.raw(l.model().name());
            csv.raw(l.type().code());
            csv.raw(l.billable().code());
            csv.raw(LedgerFormat.conversation(l.conversationId()));
            csv.raw(l.band() == null ? "" : l.band().label());
            csv.raw(l.rate() == null ? "" : l.rate().toPlainString());
            csv.raw(LedgerFormat.amount(l.amountUnits()));
            csv.raw(l.currency());
            csv.raw(l.rateCard());
            csv.text(l.note());
            csv.endRow();
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long rows() { return rows; }

    @Override public void close() throws IOException { csv.close(); }
}
