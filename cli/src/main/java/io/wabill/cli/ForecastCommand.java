package io.wabill.cli;

import io.wabill.app.ForecastRun;
import io.wabill.app.ForecastTable;
import io.wabill.app.ForecastArtifacts;
import io.wabill.app.UserException;
import io.wabill.app.GrowthRange;
import io.wabill.app.Progress;
import io.wabill.app.Backtest;
import io.wabill.app.SimulationRun;
import io.wabill.data.traffic.ParameterDraws;

import io.wabill.sim.api.Catalog;
import io.wabill.report.CsvDialect;
import io.wabill.report.OutputSet;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wabill forecast}: Monte Carlo spend forecast, each run's synthetic traffic priced message by message. */
@Command(name = "forecast", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Forecast spend with ranges: generate many runs of synthetic traffic (from a preset, a YAML model, or a",
            "fit of your own logs), grow it, price every run message by message with the real rules (windows, free entry",
            "points, free tiers and volume tiers all count), and report mean and P10/P50/P90 per local month, market and",
            "category, and when each volume band is reached. Writes forecast.csv, bands.csv and runs.csv. Each run draws its",
            "parameters too (bootstrapped from a fitted log, or spread around a scenario's values), so the band says how",
            "little is known. --backtest LOG checks the bands against the last months of a log (backtest.csv)."},
        footer = {"", "Examples:",
            "  wabill forecast --scenario fintech-otp-in --months 3 --start 2026-12-01 --time-zone Asia/Kolkata --runs 50 --seed 1",
            "  wabill forecast --fit history.csv.gz --time-zone America/Sao_Paulo --months 6 --growth-range 2%%..8%% --runs 200",
            "  wabill forecast --scenario ecommerce-br --months 1 --start 2026-12-01 --runs 1 --seed 7 --fixed-parameters   # = generate + simulate",
            "  wabill forecast --backtest history.csv.gz --holdout 2 --time-zone America/Sao_Paulo"})
public final class ForecastCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ScenarioOptions source;

    @Option(names = "--backtest", paramLabel = "LOG", arity = "1..*",
            description = "check the forecast against a log: fit on all but its last --holdout local months, forecast those, and write backtest.csv (actual against P10/P50/P90 per month, market and category) with the coverage of the P10-P90 band")
    List<Path> backtest;

    @Option(names = "--holdout", paramLabel = "N", defaultValue = "1", description = "with --backtest: the last whole local months to forecast; default: ${DEFAULT-VALUE}")
    int holdout;

    @Option(names = "--months", paramLabel = "N", defaultValue = "3", description = "months to forecast; default: ${DEFAULT-VALUE}")
    int months;

    @Option(names = "--start", paramLabel = "DATE", converter = DayConverter.class, description = "first day of the forecast; default: with --fit the first day of the month after the log, else the first day of next month")
    LocalDate start;

    @Option(names = "--growth", paramLabel = "RATE", converter = GrowthConverter.class, defaultValue = "0",
            description = "customer growth per month, e.g. 5%%/month, 5%% or 0.05; default: none")
    double growth;

    @Option(names = "--growth-range", paramLabel = "LOW..HIGH", converter = GrowthRangeConverter.class,
            description = "draw each run's monthly growth uniformly from this range, e.g. 2%%..8%% (instead of --growth)")
    GrowthRange growthRange;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "200", description = "Monte Carlo runs; default: ${DEFAULT-VALUE}")
    int runs;

    @Option(names = "--parameter-spread", paramLabel = "RATE", converter = GrowthConverter.class,
            description = "with --scenario: how uncertain the scenario's parameters are; each run multiplies every rate, share and mean by exp(spread x Z); default: 10%%. With --fit parameters are bootstrapped from the log instead")
    Double parameterSpread;

    @Option(names = "--fixed-parameters", description = "draw no parameters: every run uses the model as given and only the traffic varies (run i = generate --seed S+i)")
    boolean fixedParameters;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed; run i uses seed S+i; default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--scale", paramLabel = "X", defaultValue = "1", description = "multiply every market's customers by X; default: ${DEFAULT-VALUE}")
    double scale;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "runs priced at once (results do not depend on it); default: ${DEFAULT-VALUE}")
    int threads;

    @Mixin AccountOptions accounts;
    @Mixin PricingOptionsMixin pricing;

    @Mixin XlsxOption xlsx;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "wabill-out/forecast", description = "output folder; default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--csv-dialect", paramLabel = "DIALECT", defaultValue = "UNIX",
            description = "line ends and BOM of written CSV: ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}")
    CsvDialect dialect;

    @Option(names = "--max-unsorted-rows", paramLabel = "N", defaultValue = "5000000", converter = Counts.Rows.class,
            description = "with --fit: the most rows an unsorted log may have (it is sorted in memory); default: ${DEFAULT-VALUE}")
    long maxUnsortedRows;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Option(names = "--on-error", paramLabel = "MODE", defaultValue = "stop",
            description = "stop at the first row of a fitted log that cannot be used or the first generated message no card "
                    + "or rate can price, or skip them, count them and list them in errors.csv: ${COMPLETION-CANDIDATES}; "
                    + "default: ${DEFAULT-VALUE}")
    RunOutput.OnError onError;

    @Option(names = "--strategy", paramLabel = "SPEC", defaultValue = "as-logged",
            description = "how the business messages (see wabill compare --help); several composed with ';'; default: ${DEFAULT-VALUE}")
    String strategy;

    @Option(names = "--charts", paramLabel = "DIR", description = "write the fan chart of monthly spend (PNG and SVG) into this folder")
    Path charts;

    @Option(names = "--report", paramLabel = "DIR", description = "write report.html (fan chart, forecast tables, inputs) into this folder")
    Path report;

    @Option(names = "--chart-size", paramLabel = "WxH", converter = RunOutput.ChartSizeConverter.class, defaultValue = "1000x560",
            description = "chart size; default: ${DEFAULT-VALUE}")
    io.wabill.report.chart.ChartStyle chartSize;

    /**
     * Generated rows carry their delivery in the row itself, so no status row ever comes later: the horizon only says
     * how long a failed message waits for one. An hour, not simulate's week: the assembler holds and remembers a
     * horizon's messages, and a week of them cost 11 % of a forecast's time for the same results.
     */
    static final Duration STATUS_HORIZON = Duration.ofHours(1);

    /** Runs every run, handing each outcome to {@code sink} in order; returns the seconds it took. */
    static double runAll(ForecastRun run, int runs, boolean quiet, java.util.function.Consumer<ForecastRun.Outcome> sink) throws Exception {
        Progress.Ticket ticket = ConsoleProgress.forConsole(quiet).start(() -> run.done() / (double) runs);
        long started = System.nanoTime();
        try {
            run.runAll(sink);
        } finally {
            ticket.stop();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** A scenario's parameters are guesses (10 % unless told); a fit's come from its bootstrap (the spread is not used). */
    double spread(ScenarioOptions.Loaded loaded) {
        if (parameterSpread != null && loaded.fit() != null) {
            throw new ParameterException(spec.commandLine(), "--parameter-spread is for --scenario: a fitted model's parameters are bootstrapped from its log");
        }
        if (parameterSpread != null) {
            if (parameterSpread < 0 || parameterSpread > 2) throw new ParameterException(spec.commandLine(), "--parameter-spread must be 0% to 200%, was " + parameterSpread);
            return parameterSpread;
        }
        return loaded.fit() == null ? 0.10 : 0;
    }

    ParameterDraws.Growth growthSpec(ScenarioOptions.Loaded loaded) {
        if (growthRange != null) return ParameterDraws.Growth.range(growthRange.low(), growthRange.high());
        if (growthGiven() || loaded.fit() == null) return ParameterDraws.Growth.fixed(growth);
        return ParameterDraws.Growth.estimated();
    }

    private boolean growthGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--growth");
    }

    /** {@code --backtest}: price the log, fit on all but its last months, forecast them, compare (see {@link Backtest}). */
    private Integer backtest() throws Exception {
        if (holdout < 1 || holdout > 120) throw new ParameterException(spec.commandLine(), "--holdout must be 1 to 120, was " + holdout);
        if (runs < 1) throw new ParameterException(spec.commandLine(), "--runs must be >= 1, was " + runs);
        if (threads < 1) throw new ParameterException(spec.commandLine(), "--threads must be >= 1, was " + threads);
        PrintWriter printer = spec.commandLine().getOut();
        Catalog catalog = SimulateCommand.loadCatalog(pricing.rates);
        AccountBook book = accounts.book();
        ZoneId zone = book.get(Account.DEFAULT_ID).zone();
        io.wabill.sim.strategy.StrategyChain chain = parseStrategy();
        io.wabill.app.RunWorkbook workbook = xlsx.workbook(io.wabill.app.RunWorkbook.Kind.BACKTEST);
        List<Path> written;
        Backtest result;
        ForecastTable table;
        double seconds;
        SkippedRows skipped;
        long pricedSkipped;
        boolean skip = onError == RunOutput.OnError.SKIP;
        // One output set: the actuals in actual/ and the comparison beside it are published together with one run.json
        // (a reader never sees the actuals of one backtest beside the bands of another), and the folder is locked and
        // every target checked before the log is priced.
        try (OutputSet outputs = OutputSet.begin(out, SimulateCommand.manifest(spec, accounts, pricing).inputs(backtest))) {
            outputs.reserve("backtest.csv", "backtest-summary.csv", "forecast.csv", "runs.csv", "errors.csv");
            if (workbook != null) workbook.prepare(outputs);
            skipped = new SkippedRows(outputs, dialect);
            // The actuals: the log priced as simulate prices it, its tables kept in actual/ (no ledger; with --on-error
            // skip its skipped rows in actual/errors.csv, as simulate lists them).
            Backtest.Actuals actuals = new Backtest.Actuals(book);
            Path actualDir = out.resolve("actual");
            pricedSkipped = new SimulationRun(new SimulationRun.Settings(backtest, catalog, book, pricing.options(), skip, Duration.ofDays(7),
                    maxUnsortedRows, actualDir, false, dialect, null, ConsoleProgress.forConsole(quiet)), actuals, null)
                    .into(outputs.within(actualDir)).run().rowsSkipped();
            Backtest.Holdout h = Backtest.holdout(actuals, holdout, zone);
            io.wabill.data.traffic.TrafficFitting.Result fit = io.wabill.data.traffic.TrafficFitting.fit(backtest, zone, source.marketZones,
                    new io.wabill.sim.market.MarketResolver(catalog.markets()),
                    skip ? skipped::fitRow : io.wabill.data.log.RowErrorHandler.STOP, source.fitStatusHorizon, maxUnsortedRows,
                    h.startMillis());
            ScenarioOptions.Loaded loaded = new ScenarioOptions.Loaded(fit.model(), fit, "fit of " + fit.firstDay() + " to " + fit.lastDay());
            ScenarioOptions.checkNumbers(loaded, catalog.markets(), h.start(), ConsoleProgress.forConsole(quiet));
            ParameterDraws draws = new ParameterDraws(fit.model(), fit.tallies(), spread(loaded), fixedParameters, growthSpec(loaded), seed, h.start());
            ForecastRun.Settings settings = new ForecastRun.Settings(fit.model(), catalog, book, pricing.options(), h.start(), holdout,
                    scale, draws, runs, seed, threads, STATUS_HORIZON, chain);
            printer.printf("Backtest: %s; fitted on %s to %s, forecasting %d month%s from %s (local months of %s); %d runs, seed %d%n",
                    String.join(", ", backtest.stream().map(Path::toString).toList()), fit.firstDay(), fit.lastDay(), holdout,
                    holdout > 1 ? "s" : "", h.start(), zone, runs, seed);
            if (h.note() != null) printer.println("Note: " + h.note());
            printer.printf("Each run draws: %s%n", draws.describe());
            printer.flush();
            table = new ForecastTable(runs, catalog, settings.pricing());
            ForecastRun run = new ForecastRun(settings);
            if (skip) run.skipUnpriced(skipped::unpricedMessage);
            seconds = runAll(run, runs, quiet, table::add);
            table.finish();
            skipped.close();
            result = new Backtest(actuals.cells(), table, h);
            try (Writer w = outputs.open("backtest.csv")) {
                result.write(w, dialect);
            }
            try (Writer w = outputs.open("backtest-summary.csv")) {
                result.writeSummary(w, dialect);
            }
            try (Writer w = outputs.open("forecast.csv")) {
                table.writeForecast(w, dialect);
            }
            try (Writer w = outputs.open("runs.csv")) {
                table.writeRuns(w, dialect);
            }
            outputs.manifest().rows("runs", runs).rows("fit_rows_skipped", skipped.fitRows())
                    .rows("messages_unpriced", skipped.unpricedMessages());
            if (workbook != null) workbook.write(outputs);
            written = outputs.commit();
        }
        if (pricedSkipped + skipped.fitRows() + skipped.unpricedMessages() > 0)
            printer.printf("Skipped: %,d row(s) of the log in pricing it (listed in actual/errors.csv); %,d in fitting it and "
                    + "%,d generated message(s) no card or rate could price (listed in errors.csv)%n",
                    pricedSkipped, skipped.fitRows(), skipped.unpricedMessages());
        printer.printf("Priced %d runs on %d thread%s (%.1f s)%n", runs, threads, threads > 1 ? "s" : "", seconds);
        result.print(printer);
        SimulateCommand.printWritten(printer, written);
        XlsxOption.printWritten(workbook, printer);
        printer.flush();
        return ExitCodes.OK;
    }

    private io.wabill.sim.strategy.StrategyChain parseStrategy() {
        try {
            return io.wabill.sim.strategy.Strategies.parse(strategy);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--strategy: " + e.getMessage());
        }
    }

    @Override public Integer call() throws Exception {
        if (backtest != null) {
            if (source.given()) throw new ParameterException(spec.commandLine(), "--backtest fits its own log: give no --scenario or --fit");
            for (String o : List.of("--start", "--months")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o))
                    throw new ParameterException(spec.commandLine(), o + " does not apply to --backtest: it forecasts the last --holdout months of the log");
            }
            // Refused rather than ignored: a backtest draws no fan chart or report.
            for (String o : List.of("--charts", "--report", "--chart-size")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o))
                    throw new ParameterException(spec.commandLine(), o + " does not apply to --backtest: it writes backtest.csv, "
                            + "backtest-summary.csv, forecast.csv, runs.csv and the priced log's tables in actual/");
            }
            return backtest();
        }
        if (!source.given()) throw new ParameterException(spec.commandLine(), "give --scenario NAME|FILE, --fit LOG or --backtest LOG");
        if (months < 1 || months > 120) throw new ParameterException(spec.commandLine(), "--months must be 1 to 120, was " + months);
        if (runs < 1) throw new ParameterException(spec.commandLine(), "--runs must be >= 1, was " + runs);
        if (start != null && start.plusMonths(months).minusDays(1).isAfter(DayConverter.LAST))
            throw new ParameterException(spec.commandLine(), "--start " + start + " with --months " + months + " runs past "
                    + DayConverter.LAST + ", the last day a log's instants cover in every time zone");
        if (threads < 1) throw new ParameterException(spec.commandLine(), "--threads must be >= 1, was " + threads);
        if (!(scale > 0)) throw new ParameterException(spec.commandLine(), "--scale must be > 0, was " + scale);
        PrintWriter printer = spec.commandLine().getOut();
        Catalog catalog = SimulateCommand.loadCatalog(pricing.rates);
        AccountBook book = accounts.book();
        ZoneId zone = book.get(Account.DEFAULT_ID).zone();
        io.wabill.sim.strategy.StrategyChain chain = parseStrategy();
        io.wabill.report.RunManifest manifest = SimulateCommand.manifest(spec, accounts, pricing).inputs(source.inputFiles());
        List<Path> written;
        ForecastTable table;
        long rows;
        double seconds;
        SkippedRows skipped;
        // The output folder is locked and every target checked before the log is fitted or a run starts; all files are
        // published together at the end.
        io.wabill.app.RunWorkbook workbook = xlsx.workbook(io.wabill.app.RunWorkbook.Kind.FORECAST);
        try (OutputSet outputs = OutputSet.begin(out, manifest)) {
            outputs.reserve("forecast.csv", "bands.csv", "runs.csv", "errors.csv");
            ForecastArtifacts artifacts = new ForecastArtifacts(charts, report, chartSize, spec.commandLine().getParseResult().originalArgs());
            artifacts.prepare(outputs);
            if (workbook != null) workbook.prepare(outputs);
            skipped = new SkippedRows(outputs, dialect);
            ScenarioOptions.Loaded loaded = source.load(catalog.markets(), zone, maxUnsortedRows,
                    onError == RunOutput.OnError.SKIP ? skipped::fitRow : io.wabill.data.log.RowErrorHandler.STOP);
            if (start == null) {
                start = loaded.fit() != null ? loaded.fit().lastDay().withDayOfMonth(1).plusMonths(1)
                        : LocalDate.now(zone).withDayOfMonth(1).plusMonths(1);
                if (start.plusMonths(months).minusDays(1).isAfter(DayConverter.LAST)) // a fitted log at the end of time
                    throw new UserException("the forecast would start on " + start + " and run past " + DayConverter.LAST
                            + ", the last day a log's instants cover in every time zone");
            }
            ScenarioOptions.checkNumbers(loaded, catalog.markets(), start, ConsoleProgress.forConsole(quiet));
            try {
                // The largest population any run can reach must still have numbers of its own.
                double most = growthRange != null ? Math.max(growthRange.low(), growthRange.high()) : growth;
                new io.wabill.data.traffic.TrafficGenerator(loaded.model(), new io.wabill.data.traffic.TrafficGenerator.Plan(start,
                        start.plusMonths(months).minusDays(1), scale, most, seed));
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            ParameterDraws draws = new ParameterDraws(loaded.model(), loaded.fit() == null ? null : loaded.fit().tallies(),
                    spread(loaded), fixedParameters, growthSpec(loaded), seed, start);
            ForecastRun.Settings settings = new ForecastRun.Settings(loaded.model(), catalog, book, pricing.options(), start, months,
                    scale, draws, runs, seed, threads, STATUS_HORIZON, chain);
            printer.printf("Forecast: %s; %d month%s from %s (local months of time zone %s); %d run%s, scale %s, seed %d%n",
                    loaded.description(), months, months > 1 ? "s" : "", start, zone, runs, runs > 1 ? "s" : "",
                    io.wabill.data.traffic.TrafficModelWriter.num(scale), seed);
            printer.printf("Each run draws: %s%n", draws.describe());
            printer.flush();
            ForecastRun run = new ForecastRun(settings);
            if (onError == RunOutput.OnError.SKIP) run.skipUnpriced(skipped::unpricedMessage);
            ForecastTable t = new ForecastTable(runs, catalog, settings.pricing());
            table = t;
            long[] rowsTotal = {0};
            seconds = ForecastCommand.runAll(run, runs, quiet, o -> {
                rowsTotal[0] += o.rows();
                t.add(o);
            });
            table.finish();
            rows = rowsTotal[0];
            skipped.close();
            try (Writer w = outputs.open("forecast.csv")) {
                table.writeForecast(w, dialect);
            }
            try (Writer w = outputs.open("bands.csv")) {
                table.writeBands(w, dialect);
            }
            try (Writer w = outputs.open("runs.csv")) {
                table.writeRuns(w, dialect);
            }
            artifacts.write(table, chain, draws.describe(), outputs);
            if (loaded.fit() != null)
                manifest.rows("fit_rows_in", loaded.fit().rowsRead()).rows("fit_rows_skipped", skipped.fitRows());
            manifest.rows("runs", runs).rows("rows_generated", rows).rows("messages_unpriced", skipped.unpricedMessages());
            if (workbook != null) workbook.write(outputs); // last: built from the closed CSV files above
            written = outputs.commit();
        }
        if (skipped.fitRows() + skipped.unpricedMessages() > 0)
            printer.printf("Skipped: %,d row(s) of the fitted log, %,d generated message(s) no card or rate could price; "
                    + "listed in errors.csv%n", skipped.fitRows(), skipped.unpricedMessages());
        printer.printf("Priced %,d generated rows in %d runs on %d thread%s (%.1f s)%n", rows, runs, threads, threads > 1 ? "s" : "", seconds);
        table.printSummary(printer);
        SimulateCommand.printWritten(printer, written);
        XlsxOption.printWritten(workbook, printer);
        printer.flush();
        return ExitCodes.OK;
    }
}
