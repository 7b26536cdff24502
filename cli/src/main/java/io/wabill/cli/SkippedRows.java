package io.wabill.cli;

import io.wabill.data.log.RowError;
import io.wabill.report.CsvDialect;
import io.wabill.report.ErrorsWriter;
import io.wabill.report.OutputSet;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The rows a forecast skipped with {@code --on-error skip}: rows of a fitted log that cannot be used, and generated
 * messages no card or rate can price (from every run's thread). Each is counted and listed in {@code errors.csv}:
 * the fitted log's rows as they come, the generated messages at the end in run order (runs finish in any order on
 * several threads, and the file must not depend on that), at most {@link #LISTED_PER_RUN} per run.
 */
final class SkippedRows {
    private final OutputSet outputs;
    private final CsvDialect dialect;
    private final String fileName;
    private ErrorsWriter errors;
    static final int LISTED_PER_RUN = 1000;

    private long fitRows;
    private long unpriced;
    private final java.util.TreeMap<Integer, java.util.List<RowError>> byRun = new java.util.TreeMap<>();
    private final java.util.Map<Integer, Long> unlisted = new java.util.HashMap<>();

    SkippedRows(OutputSet outputs, CsvDialect dialect) {
        this(outputs, dialect, "errors.csv");
    }

    /** Lists the rows in {@code fileName} of the set's folder ({@code generate --fit}: {@code NAME.fit-errors.csv}). */
    SkippedRows(OutputSet outputs, CsvDialect dialect, String fileName) {
        this.outputs = outputs;
        this.dialect = dialect;
        this.fileName = fileName;
    }

    void fitRow(RowError e) {
        add(e);
        fitRows++;
    }

    synchronized void unpricedMessage(RowError e, int run) {
        unpriced++;
        java.util.List<RowError> list = byRun.computeIfAbsent(run, k -> new java.util.ArrayList<>());
        if (list.size() < LISTED_PER_RUN) list.add(e);
        else unlisted.merge(run, 1L, Long::sum);
    }

    synchronized long fitRows() { return fitRows; }

    synchronized long unpricedMessages() { return unpriced; }

    private synchronized void add(RowError e) {
        try {
            if (errors == null) errors = new ErrorsWriter(outputs.open(fileName), dialect);
            errors.add(new ErrorsWriter.Entry(e.file(), e.line(), e.column(), e.value(), e.reason()));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    synchronized void close() throws IOException {
        for (var e : byRun.entrySet()) {
            for (RowError r : e.getValue()) add(r);
            Long more = unlisted.get(e.getKey());
            if (more != null) {
                RowError last = e.getValue().get(e.getValue().size() - 1);
                add(new RowError(last.file(), 0, "", "", more + " more generated message(s) of this run could not be priced "
                        + "(not listed one by one; counted in run.json)"));
            }
        }
        byRun.clear();
        if (errors != null) errors.close();
    }
}
