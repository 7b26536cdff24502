package io.wabill.app;

import io.wabill.data.log.LogFormatException;
import io.wabill.data.log.LogSource;
import io.wabill.data.log.RowError;
import io.wabill.data.log.RowErrorHandler;
import io.wabill.data.log.UnsortedLogException;
import io.wabill.sim.api.Catalog;
import io.wabill.report.AccountingWriter;
import io.wabill.report.CsvDialect;
import io.wabill.report.CustomerMask;
import io.wabill.report.ErrorsWriter;
import io.wabill.report.LedgerWriter;
import io.wabill.report.OutputSet;
import io.wabill.report.RunManifest;
import io.wabill.report.RunTables;
import io.wabill.report.SummaryTable;
import io.wabill.report.fees.Surcharges;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.MonthTotals;
import io.wabill.sim.api.PricingConfig;
import io.wabill.sim.api.PricingConfigException;
import io.wabill.sim.api.PricingSession;
import io.wabill.sim.api.RowAccounting;
import io.wabill.sim.api.RowProblem;
import io.wabill.sim.api.SessionOptions;
import io.wabill.sim.engine.BandMode;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.strategy.StrategyChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code simulate} run: log rows in time order, merged into messages, priced by the engine, written to
 * the ledger and summary. A log whose files are sorted by time streams; one that is not is sorted in memory
 * up to {@link Settings#maxUnsortedRows()}. Every input row ends in the ledger, merged into a message, or in
 * {@code errors.csv}, and the run checks that the three add up before it writes anything for good.
 */
public final class SimulationRun {
    /** Everything a run needs. {@code mask} may be null; {@code progress} may be null. */
    public record Settings(List<Path> logs, Catalog catalog, AccountBook accounts, PricingOptions pricing,
                           boolean skipBadRows, Duration statusHorizon, long maxUnsortedRows, Path out,
                           boolean writeLedger, CsvDialect dialect, CustomerMask mask, Progress progress) {}


    /** What a run did, for the printed summary and for tests. */
    public record Result(long rowsIn, long ledgerRows, long rowsMerged, long rowsSkipped, SummaryTable summary,
                         List<Path> written, boolean sortedInMemory, int peakPairs, RunTables tables, int threads) {}

    /** Also receives every ledger line of the run (reconcile compares them with Meta's reports). */
    public interface LedgerTap extends LedgerSink {
        /** The run starts over (the log turned out not to be sorted): forget every line received so far. */
        void restart() throws IOException;
    }

    private final Settings s;
    private final LedgerTap tap;
    private final RunArtifacts artifacts;

    public SimulationRun(Settings settings) { this(settings, null, null); }

    /**
     * @param tap       receives each ledger line after the run's own reports; null for none
     * @param artifacts charts, report and FOCUS export to write with the run's files; null for none
     */
    public SimulationRun(Settings settings, LedgerTap tap, RunArtifacts artifacts) {
        this.s = settings;
        this.tap = tap;
        this.artifacts = artifacts;
    }

    private int threads = 1;

    /**
     * The threads from which portfolios are priced in lanes. On two cores the lanes do not pay: the hand-over of every
     * ledger line to a merger thread, and the merge, cost more CPU than the second core has free beside the JIT
     * (BENCHMARKS.md, issue 14), while a reader thread beside one pricing thread costs almost nothing extra.
     */
    static final int LANES_FROM = 3;
    private Surcharges surcharges;

    /**
     * The bill as paid: the provider's fees and the tax (--fees, --tax) added as columns of the ledger and summary.
     * Such a run prices on one thread (the lanes hand over FORMATS.md's rows only).
     */
    public SimulationRun withSurcharges(Surcharges s) {
        this.surcharges = s;
        return this;
    }

    private java.util.function.UnaryOperator<String> wording = java.util.function.UnaryOperator.identity();

    /**
     * Rewords the reasons written to errors.csv: the core names options in its API's terms ({@code statusHorizon}),
     * a command line maps them to its flags.
     */
    public SimulationRun withWording(java.util.function.UnaryOperator<String> wording) {
        this.wording = wording;
        return this;
    }

    /**
     * Runs on {@code n} threads; the outputs are the bytes one thread writes. With two, the log is read and parsed on
     * one thread and priced on the other ({@link ReadAhead}). With {@link #LANES_FROM} or more, independent portfolios
     * are priced side by side on {@code n} lanes ({@link PortfolioLanes}); runs that need the whole log in one place
     * (A3 whole-month bands, masked customers, the reconcile tap, fees) or that meet anything the lanes cannot decide
     * alone are priced on one thread, the log read on another.
     */
    public SimulationRun withThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, was " + n);
        this.threads = n;
        return this;
    }

    /** The files {@code simulate} writes into its folder; no other output of the run may take these names. */
    static final String[] NAMES = {"ledger.csv", "summary.csv", "daily.csv", "tiers.csv", "templates.csv", "accounting.csv",
        "errors.csv"};

    /** {@link #NAMES}, for a caller that writes more files into the same set (reconcile). */
    public static String[] outputNames() { return NAMES.clone(); }

    private RunManifest manifest;
    private OutputSet into;

    /** What the run's {@code run.json} says about the command; the logs are added as inputs. */
    public SimulationRun withManifest(RunManifest m) {
        this.manifest = m;
        return this;
    }

    /**
     * Writes into an output set the caller owns and commits (reconcile and demo write more files into the same
     * set); {@link Result#written()} is then empty.
     */
    public SimulationRun into(OutputSet outputs) {
        this.into = outputs;
        return this;
    }

    public Result run() throws IOException {
        if (into != null) return runInto(into);
        RunManifest m = manifest != null ? manifest : DefaultManifest.of("simulate");
        try (OutputSet outputs = OutputSet.begin(s.out(), m)) {
            Result r = runInto(outputs);
            List<Path> written = outputs.commit();
            return new Result(r.rowsIn(), r.ledgerRows(), r.rowsMerged(), r.rowsSkipped(), r.summary(), written,
                    r.sortedInMemory(), r.peakPairs(), r.tables(), r.threads());
        }
    }

    /** The run into {@code outputs}, which the caller commits. */
    private Result runInto(OutputSet outputs) throws IOException {
        outputs.manifest().inputs(s.logs());
        if (threads > 1) {
            // A second thread: the inputs are hashed and the ledger written on threads of their own while this one
            // prices. With one, the run's work stays on this thread.
            outputs.manifest().hashAhead();
            outputs.writingBehind();
        }
        // Every target is checked before the first byte: a --focus file that is a folder or takes one of our names.
        outputs.reserve(NAMES);
        if (artifacts != null) artifacts.prepare(outputs);
        Result r = null;
        if (threads >= LANES_FROM && s.pricing().nbpBands() != BandMode.WHOLE_MONTH && s.mask() == null && tap == null
                && surcharges == null)
            r = runInLanes(outputs);
        if (r == null) r = runOnOneThread(outputs);
        outputs.manifest().rows("rows_in", r.rowsIn()).rows("ledger_rows", r.ledgerRows())
                .rows("status_rows_merged", r.rowsMerged()).rows("rows_skipped", r.rowsSkipped());
        return r;
    }

    private Result runOnOneThread(OutputSet outputs) throws IOException {
        try {
            return runAttempts(outputs);
        } finally {
            for (Attempt a : attempts) a.stopLines(); // a failed run leaves no thread behind
            attempts.clear();
        }
    }

    /** The attempts of this run on one thread, so whatever ends it stops their receiving sides. */
    private final List<Attempt> attempts = new ArrayList<>();

    /**
     * Whether the receiving side of a run that writes a ledger (its formatting and writing, the summary and tables)
     * goes on a thread of its own: when the run may use a second thread. The property {@code wabill.linesBehind}
     * decides instead, to measure it on its own.
     */
    private boolean linesBehind() {
        String forced = System.getProperty("wabill.linesBehind");
        return forced != null ? Boolean.parseBoolean(forced) : threads > 1;
    }

    private Result runAttempts(OutputSet outputs) throws IOException {
        MonthTotals nbpTotals = null;
        if (config().needsCountingPass()) {
            // A3 whole-month bands need each month's final count before its first template is priced.
            nbpTotals = countingPass();
        }
        int mark = outputs.mark();
        Attempt a = new Attempt(outputs, nbpTotals);
        boolean inMemory = false;
        try {
            stream(a);
        } catch (UnsortedLogException | HoldWhole e) {
            a.abandon();
            outputs.rollback(mark);
            if (tap != null) tap.restart();
            a = new Attempt(outputs, nbpTotals);
            inMemory = true;
            if (s.progress() != null) s.progress().note(e instanceof HoldWhole
                    ? e.getMessage() + "; the log is short enough to hold in memory, which merges it whatever the delay (G10)"
                    : "the log is not sorted by time (" + e.getMessage() + "); sorting it in memory");
            try {
                a.sortFrom(new LogSource(s.logs(), a.handler()));
            } catch (LogFormatException tooLong) {
                if (!(e instanceof HoldWhole h)) throw tooLong;
                // Longer than it looked: it streams after all, and the row out of reach is an input error.
                a.abandon();
                outputs.rollback(mark);
                if (tap != null) tap.restart();
                if (!s.skipBadRows()) throw new LogFormatException(h.error);
                a = new Attempt(outputs, nbpTotals);
                a.streamStrictly = true;
                inMemory = false;
                try {
                    stream(a);
                } catch (UnsortedLogException unsorted) {
                    throw tooLong; // unsorted further on, and too long to sort in memory
                }
            }
        }
        Result r = a.finish(inMemory);
        // Charts, report and FOCUS file go into the same output set, so all appear or none.
        if (artifacts != null) artifacts.write(r, outputs);
        return r;
    }

    /**
     * Streams the log into an attempt: with more than one thread, read and parsed on a thread of its own while this
     * one prices ({@link ReadAhead}), which changes nothing in what the attempt sees.
     */
    private void stream(Attempt a) throws IOException, UnsortedLogException {
        if (threads > 1) a.streamAhead();
        else a.streamFrom(new LogSource(s.logs(), a.handler()));
    }

    /** The run on several threads, or null when it gave up (what it wrote is rolled back then). */
    private Result runInLanes(OutputSet outputs) throws IOException {
        int mark = outputs.mark();
        Progress.Ticket ticket = null;
        LedgerWriter ledger = null;
        try {
            ledger = s.writeLedger() ? new LedgerWriter(outputs.openBinary("ledger.csv"), s.dialect(), null) : null;
            PortfolioLanes lanes = new PortfolioLanes(threads, config(), ledger, this::newTables);
            LogSource source = new LogSource(s.logs(), lanes.badRows());
            ticket = s.progress() == null ? null : s.progress().start(source);
            PortfolioLanes.Outcome o = lanes.run(source);
            if (ticket != null) ticket.stop();
            ticket = null;
            if (ledger != null) ledger.close();
            writeTables(outputs, o.summary(), o.tables(), matched(source, o.accounting()));
            Result r = new Result(o.accounting().rowsIn(), o.accounting().ledgerRows(), o.accounting().rowsMerged(), 0, o.summary(), List.of(), false,
                    o.peakPairs(), o.tables(), threads);
            if (artifacts != null) artifacts.write(r, outputs);
            return r;
        } catch (PortfolioLanes.GaveUp e) {
            outputs.rollback(mark);
            if (s.progress() != null) s.progress().note("pricing on one thread: " + e.getMessage());
            return null;
        } catch (UnsortedLogException e) {
            outputs.rollback(mark); // the single-threaded run sorts it and says so
            return null;
        } finally {
            if (ticket != null) ticket.stop();
        }
    }

    private RunTables newTables() {
        return new RunTables(s.accounts(), s.catalog().rates(), artifacts != null && artifacts.wantsFocus());
    }

    /**
     * The sessions' accounting, checked against the reader's own count of rows: a row the reader read and no session
     * saw would otherwise go unnoticed.
     */
    private static RowAccounting matched(LogSource source, RowAccounting a) {
        if (source.rowsRead() != a.rowsIn())
            throw new IllegalStateException("the reader read " + source.rowsRead() + " rows but pricing saw " + a.rowsIn());
        return a.checked();
    }

    /** summary.csv, daily.csv, tiers.csv, templates.csv and accounting.csv, for a run whose every row is accounted for. */
    private void writeTables(OutputSet outputs, SummaryTable summary, RunTables tables, RowAccounting a) throws IOException {
        try (Writer w = outputs.open("summary.csv")) {
            summary.write(w, s.dialect());
        }
        long rowsIn = a.rowsIn(), ledgerRows = a.ledgerRows(), merged = a.rowsMerged(), skipped = a.rowsSkipped();
        try (Writer w = outputs.open("daily.csv")) {
            tables.daily().write(w, s.dialect());
        }
        try (Writer w = outputs.open("tiers.csv")) {
            tables.tiers().write(w, s.dialect());
        }
        try (Writer w = outputs.open("templates.csv")) {
            tables.templates().write(w, s.dialect());
        }
        try (Writer w = outputs.open("accounting.csv")) {
            AccountingWriter.write(w, s.dialect(), AccountingWriter.items(rowsIn, ledgerRows, merged, skipped));
        }
    }

    /**
     * A streamed log met a row out of reach (G10, G3) while it still fits the unsorted bound: the run starts over with
     * the log held whole, where no row is out of reach.
     */
    private static final class HoldWhole extends RuntimeException {
        final RowError error;

        HoldWhole(RowError error) {
            super(error.file() + ":" + error.line() + ": " + error.reason(), null, false, false);
            this.error = error;
        }
    }

    /** A3: each (account, market, local month)'s final template count, from a first pass over the same log. */
    private MonthTotals countingPass() throws IOException {
        Attempt counting = new Attempt(null, null);
        try {
            stream(counting);
        } catch (UnsortedLogException | HoldWhole e) {
            // The streaming attempt counted part of the log: count again from zero, sorted.
            counting = new Attempt(null, null);
            counting.sortFrom(new LogSource(s.logs(), counting.handler()));
        }
        counting.session.finish();
        return counting.session.monthTotals();
    }

    private PricingConfig config;

    /** The pricing configuration of this run, built once (a what-if card the catalog lacks is the user's error). */
    private PricingConfig config() {
        if (config == null) {
            try {
                config = PricingConfig.builder().catalog(s.catalog()).accounts(s.accounts()).options(s.pricing())
                        .strategy(StrategyChain.asLogged()).statusHorizon(s.statusHorizon()).build();
            } catch (PricingConfigException e) {
                throw new UserException(e.getMessage());
            }
        }
        return config;
    }

    /**
     * One pass over the log into one set of outputs, or with {@code outputs} null the counting pass of whole-month
     * bands (A3): the same session, its entries dropped.
     */
    private class Attempt {
        private final OutputSet outputs;
        private final SummaryTable summary = new SummaryTable().withSurcharges(surcharges);
        private final RunTables tables;
        private final LedgerWriter ledger;
        final PricingSession session;
        /** The receiving side ({@link #accept}) on a thread of its own, or null: on this thread. */
        private final LinesBehind behind;
        private ErrorsWriter errors;
        private LogSource source;
        /** A streamed attempt after the log proved too long to hold: rows out of reach are input errors. */
        boolean streamStrictly;
        private long rowsStreamed;

        Attempt(OutputSet outputs, MonthTotals nbpTotals) throws IOException {
            this.outputs = outputs;
            this.ledger = outputs != null && s.writeLedger()
                    ? new LedgerWriter(outputs.openBinary("ledger.csv"), s.dialect(), s.mask(), surcharges) : null;
            this.tables = new RunTables(s.accounts(), s.catalog().rates(), artifacts != null && artifacts.wantsFocus());
            SessionOptions o = SessionOptions.defaults().withProblems(this::problem);
            this.behind = ledger != null && linesBehind() ? new LinesBehind(this::accept) : null;
            attempts.add(this);
            this.session = outputs == null ? config().newLineSession(line -> { }, o.asCountingPass())
                    : config().newLineSession(behind != null ? behind : this::accept, nbpTotals == null ? o : o.withMonthTotals(nbpTotals));
        }

        /** Stops the receiving side's thread, if it still runs (the attempt failed or was given up). */
        void stopLines() {
            if (behind != null) behind.abandon();
        }

        /** Bad rows of the reader: stop, or skip into the session's accounting and errors.csv. */
        RowErrorHandler handler() {
            return s.skipBadRows() ? e -> session.skip(new RowProblem(e.file(), e.line(), e.column(), e.value(), e.reason(), 1))
                    : RowErrorHandler.STOP;
        }

        private void accept(LedgerLine line) {
            summary.accept(line);
            tables.accept(line);
            if (ledger != null) ledger.accept(line);
            if (tap != null) tap.accept(line);
        }

        void streamFrom(LogSource src) throws IOException, UnsortedLogException {
            source = src;
            Progress.Ticket t = s.progress() == null ? null : s.progress().start(src);
            try {
                src.scan(row -> { // one reused row buffer: the session copies what it keeps
                    rowsStreamed++;
                    session.accept(row);
                });
            } finally {
                if (t != null) t.stop();
            }
        }

        /** {@link #streamFrom}, the log read on a thread of its own. */
        void streamAhead() throws IOException, UnsortedLogException {
            ReadAhead ahead = new ReadAhead();
            LogSource src = new LogSource(s.logs(), ahead.badRows());
            source = src;
            Progress.Ticket t = s.progress() == null ? null : s.progress().start(src);
            try {
                ahead.stream(src, row -> {
                    rowsStreamed++;
                    session.accept(row);
                }, handler());
            } finally {
                if (t != null) t.stop();
            }
        }

        void sortFrom(LogSource src) throws IOException {
            source = src;
            Progress.Ticket t = s.progress() == null ? null : s.progress().start(src);
            try {
                List<LogRow> rows = src.loadSorted(s.maxUnsortedRows());
                session.holdWhole(rows);
                for (LogRow row : rows) session.accept(row);
            } finally {
                if (t != null) t.stop();
            }
        }

        /** A row that ends in no ledger row: the user's error, or with --on-error skip a line of errors.csv. */
        private void problem(RowProblem p) {
            RowError e = new RowError(p.file(), p.line(), p.column(), p.value(), wording.apply(p.reason()));
            // G10: a log that fits the unsorted bound is held whole rather than refusing a row that came late.
            if (p.kind() == RowProblem.Kind.OUT_OF_REACH && !streamStrictly && rowsStreamed <= s.maxUnsortedRows())
                throw new HoldWhole(e);
            if (!s.skipBadRows()) throw new LogFormatException(e);
            if (outputs == null) return;
            try {
                if (errors == null) errors = new ErrorsWriter(outputs.open("errors.csv"), s.dialect());
                errors.add(new ErrorsWriter.Entry(e.file(), e.line(), e.column(), e.value(), e.reason()));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        /** Closes what this attempt opened; its files are rolled back by the caller. */
        void abandon() {
            stopLines();
            try {
                if (ledger != null) ledger.close();
                if (errors != null) errors.close();
            } catch (IOException | RuntimeException ignored) {
                // the files are deleted with the rollback
            }
        }

        Result finish(boolean inMemory) throws IOException {
            RowAccounting a = matched(source, session.finish());
            if (behind != null) behind.finish(); // every line taken: the summary, tables and ledger are complete
            if (ledger != null) ledger.close();
            if (errors != null) errors.close();
            writeTables(outputs, summary, tables, a);
            return new Result(a.rowsIn(), a.ledgerRows(), a.rowsMerged(), a.rowsSkipped(), summary, List.of(), inMemory,
                    session.peakPairs(), tables, 1);
        }
    }
}
