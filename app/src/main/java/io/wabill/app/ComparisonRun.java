package io.wabill.app;

import io.wabill.data.log.LogFormatException;
import io.wabill.data.log.LogSource;
import io.wabill.data.log.RowError;
import io.wabill.data.log.RowErrorHandler;
import io.wabill.data.log.UnsortedLogException;
import io.wabill.sim.api.Catalog;
import io.wabill.report.ComparisonTable;
import io.wabill.report.CsvDialect;
import io.wabill.report.CsvWriter;
import io.wabill.report.CustomerMask;
import io.wabill.report.ErrorsWriter;
import io.wabill.report.OutputSet;
import io.wabill.report.RunManifest;
import io.wabill.report.SummaryTable;
import io.wabill.report.TemplateTable;
import io.wabill.report.fees.Surcharges;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.engine.BandMode;
import io.wabill.sim.api.MonthTotals;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.LogRowFields;
import io.wabill.sim.exec.ReplayStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the log once and feeds every row to each scenario's pipeline, so scenarios see the same traffic
 * (paired by construction). Writes {@code comparison.csv}, {@code scenarios.csv} (the ranking, with delays
 * and drops next to the money), one ledger per scenario on request, and {@code errors.csv} when rows were
 * skipped. Every scenario's rows must add up: rows in = its ledger rows + status rows merged + rows skipped.
 */
public final class ComparisonRun {
    /** A streamed log met a row out of reach (G10, G3) while it fits the unsorted bound: it is held whole instead. */
    private static final class HoldWhole extends RuntimeException {
        final RowError error;

        HoldWhole(RowError error) {
            super(error.file() + ":" + error.line() + ": " + error.reason(), null, false, false);
            this.error = error;
        }
    }

    /**
     * @param surcharges the bill as paid (--fees, --tax): each scenario's fees and tax are worked out on its own
     *                   ledger, as simulate does; null for Meta's amounts only (the outputs are then as without them)
     */
    public record Settings(List<Path> logs, Catalog catalog, AccountBook accounts, List<Scenario> scenarios, boolean skipBadRows,
                    Duration statusHorizon, long maxUnsortedRows, Path out, boolean ledgers, CsvDialect dialect,
                    CustomerMask mask, Progress progress, Surcharges surcharges) {
        /** Meta's amounts only, no fees or tax. */
        public Settings(List<Path> logs, Catalog catalog, AccountBook accounts, List<Scenario> scenarios, boolean skipBadRows,
                        Duration statusHorizon, long maxUnsortedRows, Path out, boolean ledgers, CsvDialect dialect,
                        CustomerMask mask, Progress progress) {
            this(logs, catalog, accounts, scenarios, skipBadRows, statusHorizon, maxUnsortedRows, out, ledgers, dialect, mask,
                    progress, null);
        }
    }

    public record ScenarioResult(Scenario scenario, SummaryTable summary, ReplayStats stats, long ledgerRows, long rowsMerged,
                          long rowsSkipped) {}

    public record Result(long rowsIn, List<ScenarioResult> scenarios, ComparisonTable table, List<Path> written,
                  boolean sortedInMemory) {}

    private final Settings s;
    private final ComparisonArtifacts artifacts;
    private final RunManifest manifest;

    /** A comparison whose run.json names no command line: the library's default ({@link DefaultManifest#of}). */
    public ComparisonRun(Settings settings, ComparisonArtifacts artifacts) {
        this(settings, artifacts, DefaultManifest.of("compare"));
    }

    /** @param manifest what run.json says about the command; the logs are added as inputs */
    public ComparisonRun(Settings settings, ComparisonArtifacts artifacts, RunManifest manifest) {
        this.s = settings;
        this.artifacts = artifacts;
        this.manifest = manifest;
    }

    public Result run() throws IOException {
        List<MonthTotals> nbpTotals = null;
        if (s.scenarios().stream().anyMatch(x -> x.pricing().nbpBands() == BandMode.WHOLE_MONTH)) {
            // A3 whole-month bands need each month's final count first: a counting pass over the same log.
            Pass counting = new Pass(null, null);
            counting.run();
            nbpTotals = new ArrayList<>();
            for (ScenarioPipeline p : counting.pipelines) nbpTotals.add(p.session.monthTotals());
        }
        try (OutputSet outputs = OutputSet.begin(s.out(), manifest.inputs(s.logs()))) {
            // Every target is checked before the first byte.
            outputs.reserve("comparison.csv", "scenarios.csv", "templates.csv", "errors.csv");
            for (int i = 0; i < s.scenarios().size() && s.ledgers(); i++) outputs.reserve("ledger-" + (i + 1) + ".csv");
            if (artifacts != null) artifacts.prepare(outputs);
            Pass pass = new Pass(outputs, nbpTotals);
            boolean inMemory = pass.run();
            Result r = pass.finish(inMemory);
            // Chart and report go into the same output set, so all files appear or none.
            if (artifacts != null) artifacts.write(r, outputs);
            outputs.manifest().rows("rows_in", r.rowsIn());
            for (int i = 0; i < r.scenarios().size(); i++) {
                ScenarioResult x = r.scenarios().get(i);
                String n = "scenario_" + (i + 1) + "_";
                outputs.manifest().rows(n + "ledger_rows", x.ledgerRows()).rows(n + "status_rows_merged", x.rowsMerged())
                        .rows(n + "rows_skipped", x.rowsSkipped()).rows(n + "dropped", x.stats().dropped())
                        .rows(n + "pending", x.stats().pending());
            }
            List<Path> written = outputs.commit();
            return new Result(r.rowsIn(), r.scenarios(), r.table(), written, inMemory);
        }
    }

    /** The name a scenario's ledger is written under until the ranking names it. */
    private static String unrankedLedger(int scenario) { return "scenario-" + (scenario + 1) + "-ledger.csv"; }

    /** One pass over the log into one set of outputs (null outputs: a counting pass). */
    private final class Pass {
        final OutputSet outputs;
        final List<MonthTotals> nbpTotals;
        List<ScenarioPipeline> pipelines;
        private CsvWriter errors;
        private final Set<String> reported = new HashSet<>();
        private long readerSkipped;
        private long[] assemblerSkipped;
        private LogSource source;

        Pass(OutputSet outputs, List<MonthTotals> nbpTotals) {
            this.outputs = outputs;
            this.nbpTotals = nbpTotals;
        }

        /** Streams the log, or sorts it when it turns out unsorted; true when it was sorted in memory. */
        boolean run() throws IOException {
            int mark = outputs == null ? 0 : outputs.mark();
            build();
            try {
                source = new LogSource(s.logs(), handler());
                streaming = true;
                stream(() -> source.scan(row -> { // one reused row buffer: each session copies what it keeps
                    rowsStreamed++;
                    fanOut(row);
                }));
                return false;
            } catch (UnsortedLogException | HoldWhole e) {
                streaming = false;
                if (outputs != null) {
                    outputs.rollback(mark);
                }
                if (s.progress() != null) s.progress().note(e instanceof HoldWhole
                        ? e.getMessage() + "; the log is short enough to hold in memory, which merges it whatever the delay (G10)"
                        : "the log is not sorted by time (" + e.getMessage() + "); sorting it in memory");
                build();
                source = new LogSource(s.logs(), handler());
                try {
                    stream(() -> {
                        List<LogRow> rows = source.loadSorted(s.maxUnsortedRows());
                        for (ScenarioPipeline p : pipelines) p.session.holdWhole(rows);
                        for (LogRow row : rows) fanOut(row);
                    });
                } catch (UnsortedLogException impossible) {
                    throw new IllegalStateException(impossible);
                } catch (LogFormatException tooLong) {
                    // Too long to hold after all: the row out of reach is the input error (compare does not stream again).
                    if (e instanceof HoldWhole h) throw new LogFormatException(h.error);
                    throw tooLong;
                }
                return true;
            }
        }

        private void build() throws IOException {
            pipelines = new ArrayList<>();
            errors = null;
            reported.clear();
            readerSkipped = 0;
            assemblerSkipped = new long[s.scenarios().size()];
            for (int i = 0; i < s.scenarios().size(); i++) {
                // Named by rank once the run is over (finish): ledger-N.csv is the scenario ranked N in scenarios.csv.
                ScenarioPipeline.LedgerTarget ledger = outputs == null || !s.ledgers() ? null
                        : s.surcharges() == null ? ScenarioPipeline.LedgerTarget.of(outputs.open(unrankedLedger(i)))
                        : ScenarioPipeline.LedgerTarget.of(outputs.openBinary(unrankedLedger(i)));
                final int index = i;
                pipelines.add(new ScenarioPipeline(s.scenarios().get(i), s.catalog(), s.accounts(),
                        s.statusHorizon(), ledger, s.dialect(), s.mask(), s.surcharges(),
                        nbpTotals == null ? null : nbpTotals.get(i), outputs == null, issue -> issue(index, issue)));
            }
        }

        private boolean streaming;
        private long rowsStreamed;

        private interface Body { void run() throws IOException, UnsortedLogException; }

        private void stream(Body body) throws IOException, UnsortedLogException {
            Progress.Ticket t = s.progress() == null ? null : s.progress().start(source);
            try {
                body.run();
                for (ScenarioPipeline p : pipelines) p.finish();
            } finally {
                if (t != null) t.stop();
            }
        }

        private void fanOut(LogRowFields row) {
            for (ScenarioPipeline p : pipelines) p.accept(row);
        }

        private RowErrorHandler handler() {
            return s.skipBadRows() ? e -> {
                readerSkipped++;
                record(e.file(), e.line(), e.column(), e.value(), e.reason());
            } : RowErrorHandler.STOP;
        }

        /** A scenario could not use a row: the assembler's rejections are the same in every scenario, pricing ones are not. */
        private void issue(int scenario, ScenarioPipeline.RowIssue issue) {
            if (issue.outOfReach() && streaming && rowsStreamed <= s.maxUnsortedRows()) {
                // G10: a log that fits the unsorted bound is held whole rather than refusing a row that came late.
                throw new HoldWhole(new RowError(issue.file(), issue.line(), issue.column(), issue.value(), issue.reason()));
            }
            boolean pricing = issue.pricing();
            if (!s.skipBadRows()) {
                throw new LogFormatException(new RowError(issue.file(), issue.line(), issue.column(), issue.value(),
                        (s.scenarios().size() > 1 ? "scenario " + (scenario + 1) + ": " : "") + issue.reason()));
            }
            if (!pricing) assemblerSkipped[scenario] += issue.rows();
            String reason = (pricing && s.scenarios().size() > 1 ? "scenario " + (scenario + 1) + ": " : "") + issue.reason();
            if (reported.add(issue.file() + ":" + issue.line() + ":" + reason)) {
                record(issue.file(), issue.line(), issue.column(), issue.value(), reason);
            }
        }

        private void record(String file, long line, String column, String value, String reason) {
            if (outputs == null) return;
            try {
                if (errors == null) {
                    errors = new CsvWriter(outputs.open("errors.csv"), s.dialect());
                    errors.row(ErrorsWriter.COLUMNS.toArray(new String[0]));
                }
                errors.text(file).number(line).text(column).text(value).text(reason);
                errors.endRow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Result finish(boolean inMemory) throws IOException {
            if (errors != null) errors.close();
            long rowsIn = source.rowsRead();
            ComparisonTable table = new ComparisonTable();
            List<ScenarioResult> results = new ArrayList<>();
            for (int i = 0; i < pipelines.size(); i++) {
                ScenarioPipeline p = pipelines.get(i);
                long merged = p.session.accounting().rowsMerged();
                long skipped = readerSkipped + assemblerSkipped[i] + p.unpricedRows;
                ReplayStats st = p.session.strategyStats();
                // A message the strategy dropped is never sent, so it has no ledger row; its extra status rows are
                // already counted as merged, so each counts once. Messages refused because of the strategy and
                // messages pending at the end (priced as if sent then) have their ledger row.
                if (rowsIn != p.ledgerRows + merged + skipped + st.dropped())
                    throw new IllegalStateException("scenario " + (i + 1) + ": row accounting does not add up: " + rowsIn
                            + " rows in, " + p.ledgerRows + " ledger rows + " + merged + " merged + " + skipped + " skipped + "
                            + st.dropped() + " dropped");
                if (!st.balanced())
                    throw new IllegalStateException("scenario " + (i + 1) + ": intended messages do not add up");
                table.add(p.scenario.name(), p.summary, p.scenario.baseline());
                results.add(new ScenarioResult(p.scenario, p.summary, st, p.ledgerRows, merged, skipped));
            }
            try (Writer w = outputs.open("comparison.csv")) {
                table.write(w, s.dialect());
            }
            Ranking ranking = new Ranking(results, table);
            try (Writer w = outputs.open("scenarios.csv")) {
                ranking.write(w, s.dialect());
            }
            List<TemplateTable.Prefixed> templates = new ArrayList<>();
            for (int rank = 1; rank <= pipelines.size(); rank++) {
                ScenarioPipeline p = pipelines.get(ranking.rows().get(rank - 1).scenario());
                templates.add(new TemplateTable.Prefixed(List.of(Integer.toString(rank), p.scenario.name()), p.templates));
            }
            try (Writer w = outputs.open("templates.csv")) {
                TemplateTable.writeCombined(w, s.dialect(), List.of("rank", "scenario"), templates);
            }
            if (s.ledgers())
                for (int rank = 1; rank <= pipelines.size(); rank++)
                    outputs.rename(unrankedLedger(ranking.rows().get(rank - 1).scenario()), "ledger-" + rank + ".csv");
            return new Result(rowsIn, results, table, List.of(), inMemory);
        }
    }
}
