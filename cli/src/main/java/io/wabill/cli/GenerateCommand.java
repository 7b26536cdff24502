package io.wabill.cli;

import io.wabill.app.UserException;
import io.wabill.app.GeneratedLogFile;

import io.wabill.sim.api.Catalog;
import io.wabill.data.traffic.MarketTraffic;
import io.wabill.data.traffic.TrafficGenerator;
import io.wabill.data.traffic.TrafficModel;
import io.wabill.data.traffic.TrafficModelWriter;
import io.wabill.data.traffic.TrafficPresets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wabill generate}: writes a synthetic log from a traffic model, or fits a model to a real log. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Write a synthetic message log from a traffic model (a bundled preset or a YAML file), sorted by time,",
            "the same bytes for the same seed; or, with --fit, estimate a traffic model from real logs and save it."},
        footer = {"", "Examples:",
            "  wabill generate --scenario ecommerce-br --from 2026-10-01 --to 2026-12-31 --seed 7 --out log.csv.gz",
            "  wabill generate --fit history.csv.gz --time-zone America/Sao_Paulo --save params.yaml",
            "  wabill generate --scenario params.yaml --from 2027-01-01 --to 2027-01-31 --scale 1.2 --out jan.csv",
            "  wabill generate --list"})
public final class GenerateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ScenarioOptions source;

    @Option(names = "--from", paramLabel = "DATE", converter = DayConverter.class, description = "first day to generate (local to each market)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = DayConverter.class, description = "last day to generate, inclusive")
    LocalDate to;

    @Option(names = "--scale", paramLabel = "X", defaultValue = "1", description = "multiply every market's customers by X; default: ${DEFAULT-VALUE}")
    double scale;

    @Option(names = "--growth", paramLabel = "RATE", converter = GrowthConverter.class, defaultValue = "0",
            description = "customer growth per month after the first, e.g. 5%%/month, 5%% or 0.05; default: none")
    double growth;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed: the same seed gives the same bytes; default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "wabill-out/generated-log.csv.gz",
            description = "the log to write (.csv, or .csv.gz compressed); default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--save", paramLabel = "FILE", defaultValue = "wabill-out/params.yaml",
            description = "with --fit: where to save the fitted model; default: ${DEFAULT-VALUE}")
    Path save;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "with --fit: the time zone hours and weekdays are read in (the customers'); default: ${DEFAULT-VALUE}")
    ZoneId timeZone;

    @Option(names = "--max-unsorted-rows", paramLabel = "N", defaultValue = "5000000", converter = Counts.Rows.class,
            description = "with --fit: the most rows an unsorted log may have (it is sorted in memory); default: ${DEFAULT-VALUE}")
    long maxUnsortedRows;

    @Option(names = "--on-error", paramLabel = "MODE", defaultValue = "stop",
            description = "with --fit: stop at the first row of a fitted log that cannot be used, or skip such rows, count "
                    + "them (run.json) and list them in NAME.fit-errors.csv beside the saved model: ${COMPLETION-CANDIDATES}; "
                    + "default: ${DEFAULT-VALUE}")
    RunOutput.OnError onError;

    @Option(names = "--list", description = "list the bundled presets and exit")
    boolean list;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override public Integer call() throws Exception {
        PrintWriter printer = spec.commandLine().getOut();
        if (list) {
            printer.println("Bundled traffic presets (use with --scenario):");
            for (String name : TrafficPresets.names()) printer.println("  " + name);
            printer.flush();
            return ExitCodes.OK;
        }
        if (!source.given()) throw new ParameterException(spec.commandLine(), "give --scenario NAME|FILE to generate a log, or --fit LOG to fit a model");
        Catalog catalog = SimulateCommand.loadCatalog(null);
        if (source.fitLogs != null) return fit(catalog, printer);
        if (spec.commandLine().getParseResult().hasMatchedOption("--on-error"))
            throw new ParameterException(spec.commandLine(), "--on-error is for --fit: a generated log has no bad rows to skip");
        if (from == null || to == null) throw new ParameterException(spec.commandLine(), "--from and --to are needed to generate a log");
        if (to.isBefore(from)) throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
        if (!(scale > 0)) throw new ParameterException(spec.commandLine(), "--scale must be > 0, was " + scale);
        ScenarioOptions.Loaded loaded = source.load(catalog.markets(), timeZone, maxUnsortedRows);
        ScenarioOptions.checkNumbers(loaded, catalog.markets(), from, ConsoleProgress.forConsole(quiet));
        TrafficGenerator generator;
        try {
            generator = new TrafficGenerator(loaded.model(), new TrafficGenerator.Plan(from, to, scale, growth, seed));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        io.wabill.report.RunManifest manifest = RunManifests.of(spec).inputs(source.inputFiles());
        GeneratedLogFile.Result r = GeneratedLogFile.write(generator, loaded.model(), out, ConsoleProgress.forConsole(quiet),
                manifest);
        printer.printf("Generated %,d rows: %s, %s to %s, %d market%s, scale %s, growth %s/month, seed %d (%.1f s, %,.0f rows/s)%n",
                r.rows(), loaded.description(), from, to, loaded.model().markets().size(), loaded.model().markets().size() > 1 ? "s" : "",
                TrafficModelWriter.num(scale), GrowthConverter.format(growth), seed, r.seconds(), r.rows() / Math.max(r.seconds(), 1e-9));
        SimulateCommand.printWritten(printer, r.written());
        printer.flush();
        return ExitCodes.OK;
    }

    /** The list of a fit's skipped rows beside the saved model: {@code params.yaml} → {@code params.fit-errors.csv}. */
    static String fitErrorsName(Path save) {
        return save.getFileName().toString().replaceFirst("\\.(yaml|yml)$", "") + ".fit-errors.csv";
    }

    private Integer fit(Catalog catalog, PrintWriter printer) throws Exception {
        io.wabill.report.RunManifest manifest = RunManifests.of(spec).inputs(source.inputFiles());
        ScenarioOptions.Loaded loaded;
        SkippedRows skipped;
        List<Path> written;
        // The model, its skipped rows and its manifest are one output set: the target is locked and checked before
        // the log is read, and a failed fit leaves neither a model nor an error list.
        try (io.wabill.report.OutputSet outputs = io.wabill.report.OutputSet.beside(save, manifest)) {
            String errorsName = fitErrorsName(save);
            outputs.reserve(save.getFileName().toString(), errorsName);
            skipped = new SkippedRows(outputs, io.wabill.report.CsvDialect.UNIX, errorsName);
            loaded = source.load(catalog.markets(), timeZone, maxUnsortedRows,
                    onError == RunOutput.OnError.SKIP ? skipped::fitRow : io.wabill.data.log.RowErrorHandler.STOP);
            skipped.close();
            manifest.rows("rows_in", loaded.fit().rowsRead()).rows("rows_skipped", skipped.fitRows())
                    .rows("messages", loaded.fit().messages());
            GeneratedLogFile.saveModel(loaded.model(), List.of("Fitted by wabill generate --fit from "
                    + source.fitLogs.size() + " log file(s), " + loaded.fit().firstDay() + " to " + loaded.fit().lastDay() + ", "
                    + loaded.fit().rowsRead() + " rows" + (skipped.fitRows() > 0 ? " (" + skipped.fitRows() + " skipped)" : "")
                    + ", " + loaded.fit().messages() + " messages; hours and weekdays read in "
                    + timeZone + (source.marketZones.isEmpty() ? "" : " (and " + source.marketZones + ")") + "."), save, outputs);
            written = outputs.commit();
        }
        TrafficModel model = loaded.model();
        printer.printf("Fitted %s: %,d rows, %,d messages, %d market%s%n", loaded.description(), loaded.fit().rowsRead(),
                loaded.fit().messages(), model.markets().size(), model.markets().size() > 1 ? "s" : "");
        if (skipped.fitRows() > 0)
            printer.printf("Skipped: %,d row(s) of the fitted log that could not be used; listed in %s%n", skipped.fitRows(),
                    fitErrorsName(save));
        printFit(printer, model);
        if (loaded.fit().sortedInMemory()) printer.println("The log was not sorted by time and was sorted in memory.");
        SimulateCommand.printWritten(printer, written);
        printer.flush();
        return ExitCodes.OK;
    }

    /** The main fitted parameters per market, one line each (the saved file has them all). */
    static void printFit(PrintWriter out, TrafficModel model) {
        out.printf("  %-24s %9s %9s %6s %9s %8s %9s %8s %9s %7s %7s%n", "market", "customers", "sess/c/d", "ctwa", "camp/wk",
                "audience", "util/c/d", "msg/evt", "otp/c/d", "retry", "failed");
        for (MarketTraffic m : model.markets()) {
            out.printf("  %-24s %9d %9s %6s %9s %8s %9s %8s %9s %7s %7s%n", m.market(), m.customers(),
                    TrafficModelWriter.num(m.sessions().perCustomerDay()), TrafficModelWriter.num(m.sessions().ctwaShare()),
                    TrafficModelWriter.num(m.marketing().campaignsPerWeek()), TrafficModelWriter.num(m.marketing().audienceShare()),
                    TrafficModelWriter.num(m.utility().eventsPerCustomerDay()), TrafficModelWriter.num(m.utility().messagesPerEvent()),
                    TrafficModelWriter.num(m.authentication().requestsPerCustomerDay()),
                    TrafficModelWriter.num(m.authentication().retryProbability()), TrafficModelWriter.num(m.delivery().failureRate()));
        }
    }
}
