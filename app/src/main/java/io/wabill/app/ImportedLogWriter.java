package io.wabill.app;

import io.wabill.data.webhooks.ImportedRow;
import io.wabill.data.webhooks.MetaReport;
import io.wabill.report.CsvDialect;
import io.wabill.report.CsvWriter;
import io.wabill.report.LedgerFormat;
import io.wabill.sim.events.LogRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes imported rows as a canonical message log (FORMATS.md section 1) followed by the {@code meta_*} columns
 * that keep what Meta reported; log readers ignore those, so the file stays a log {@code simulate} can price.
 */
public final class ImportedLogWriter implements AutoCloseable {
    static final List<String> LOG_COLUMNS = List.of("timestamp", "message_id", "account", "business", "customer",
            "direction", "kind", "category", "entry_point", "status", "delivered_at");

    private final CsvWriter csv;

    public ImportedLogWriter(Writer out, CsvDialect dialect) throws IOException {
        this.csv = new CsvWriter(out, dialect);
        List<String> header = new ArrayList<>(LOG_COLUMNS);
        header.addAll(MetaReport.COLUMNS);
        csv.row(header.toArray(new String[0]));
    }

    public void write(ImportedRow r) {
        try {
            csv.raw(LedgerFormat.instant(r.timestamp()));
            csv.text(r.messageId());
            csv.text(r.account());
            csv.text(r.business());
            csv.text(r.customer());
            csv.raw(r.direction().code());
            csv.raw(r.kind().code());
            csv.raw(r.category() == null ? "" : r.category().code());
            csv.raw(r.entryPoint().code());
            csv.raw(r.status() == null ? "" : r.status().code());
            csv.raw(LedgerFormat.instant(r.deliveredAt()));
            MetaReport m = r.report();
            csv.text(m.billable());
            csv.text(m.pricingModel());
            csv.text(m.category());
            csv.text(m.pricingType());
            csv.text(m.conversationId());
            csv.raw(m.conversationExpiration() == LogRow.NONE ? "" : LedgerFormat.instant(m.conversationExpiration()));
            csv.text(m.conversationOrigin());
            csv.raw(m.errorCode() == 0 ? "" : Integer.toString(m.errorCode()));
            csv.endRow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void close() throws IOException { csv.close(); }
}
