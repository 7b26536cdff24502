package io.wabill.app;

import io.wabill.data.log.RowError;
import io.wabill.data.webhooks.ImportReport;
import io.wabill.data.webhooks.WebhookImport;
import io.wabill.report.CsvDialect;
import io.wabill.report.CsvWriter;
import io.wabill.report.ErrorsWriter;
import io.wabill.report.OutputSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Imports webhook payload files into one log file, with {@code NAME.import-errors.csv} (when payloads were bad)
 * and {@code NAME.import-report.csv} beside it; all three appear only when the import succeeds (OutputSet).
 */
public final class WebhookImportRun {
    public record Result(ImportReport report, List<Path> written, long errors) {}

    private final WebhookImport.Settings settings;
    private final CsvDialect dialect;

    public WebhookImportRun(WebhookImport.Settings settings, CsvDialect dialect) {
        this.settings = settings;
        this.dialect = dialect;
    }

    public Result run(List<Path> files, Path log) throws IOException {
        Path folder = log.toAbsolutePath().getParent();
        String name = log.getFileName().toString();
        String stem = name.replaceFirst("(\\.csv)?(\\.gz)?$", "");
        OutputSet outputs = new OutputSet(folder);
        try {
            ErrorList errors = new ErrorList(outputs, stem + ".import-errors.csv", dialect);
            ImportReport report;
            try (ImportedLogWriter writer = new ImportedLogWriter(outputs.open(name), dialect)) {
                report = new WebhookImport(settings).run(files, writer::write, errors::add);
            }
            errors.close();
            try (Writer w = outputs.open(stem + ".import-report.csv")) {
                CsvWriter csv = new CsvWriter(w, dialect);
                csv.row("item", "value");
                for (var e : report.items().entrySet()) csv.text(e.getKey()).number(e.getValue()).endRow();
            }
            return new Result(report, outputs.commit(), errors.count);
        } catch (IOException | RuntimeException e) {
            outputs.abort();
            throw e;
        }
    }

    /** Prints the import report's main figures. */
    public static void print(PrintWriter out, ImportReport r, long errors) {
        out.printf("Payloads read: %,d%s%n", r.payloads(), r.badPayloads() == 0 ? "" : " (" + r.badPayloads()
                + " could not be used, listed in the errors file; the rest were imported)");
        var items = r.items();
        out.printf("Messages: %,d outbound (%,d statuses merged), %,d inbound messages, %,d calls; %,d not written (kind unknown)%n",
                r.outboundMessages(), items.get("statuses_merged"), items.get("inbound_messages"), items.get("inbound_calls"),
                r.unresolvedMessages());
        out.printf("Rows written: %,d%s%n", r.rowsWritten(), r.rowsOutOfOrder() == 0 ? ", sorted by time"
                : " (" + r.rowsOutOfOrder() + " out of time order: events came more than --join-window apart; readers sort in memory)");
        if (!r.unknownCategories().isEmpty()) out.println("Unknown categories, kept as reported (W4): " + r.unknownCategories());
        if (errors > 0) out.printf("Errors: %,d%n", errors);
    }

    /** The errors file, opened at the first error. */
    private static final class ErrorList {
        private final OutputSet outputs;
        private final String name;
        private final CsvDialect dialect;
        private CsvWriter csv;
        long count;

        ErrorList(OutputSet outputs, String name, CsvDialect dialect) {
            this.outputs = outputs;
            this.name = name;
            this.dialect = dialect;
        }

        void add(RowError e) {
            try {
                if (csv == null) {
                    csv = new CsvWriter(outputs.open(name), dialect);
                    csv.row(ErrorsWriter.COLUMNS.toArray(new String[0]));
                }
                csv.text(e.file()).number(e.line()).text(e.column()).text(e.value()).text(e.reason()).endRow();
                count++;
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        void close() throws IOException {
            if (csv != null) csv.close();
        }
    }
}
