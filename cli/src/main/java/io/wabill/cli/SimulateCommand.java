package io.wabill.cli;

import io.wabill.app.FlagNames;
import io.wabill.app.SimulationRun;
import io.wabill.app.RunArtifacts;
import io.wabill.app.UserException;
import io.wabill.report.OutputException;
import io.wabill.app.RatesFolder;

import io.wabill.sim.api.Catalog;
import io.wabill.data.rates.CatalogLoadException;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.report.fees.FeeSchedule;
import io.wabill.report.fees.FeeScheduleReader;
import io.wabill.report.fees.Surcharges;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wabill simulate}: prices message logs into ledger.csv and summary.csv. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        defaultValueProvider = Threads.class,
        description = {"Price one or more message logs (CSV, or .csv.gz) message by message.",
            "Writes ledger.csv (one row per message), summary.csv (per month, account, market, category and pricing type),",
            "daily.csv (charged amount per local day), tiers.csv (volume-tier counters per day), accounting.csv",
            "(rows in = ledger rows + status rows merged + rows skipped) and errors.csv when rows were skipped;",
            "charts (--charts), report.html (--report) and a FOCUS 1.2 export (--focus) on request."},
        footer = {"", "Examples:", "  wabill simulate messages.csv --time-zone America/Sao_Paulo --out out/",
            "  wabill simulate messages.csv --charts out/charts --report out --focus out/focus.csv"})
public final class SimulateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "LOG", arity = "1..*", description = "message log files (FORMATS.md section 1), sorted by time for streaming")
    List<Path> logs;

    @Mixin AccountOptions accounts;
    @Mixin PricingOptionsMixin pricing;
    @Mixin RunOutput output;
    @Mixin XlsxOption xlsx;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads: with 2 the log is read, and the ledger and tables written, beside the pricing; with 3 or more independent portfolios are priced side by side (the outputs do not depend on it); "
                    + "default: the machine's processors, ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--fees", paramLabel = "FILE",
            description = "a provider's price list (from,category,per_message,percent,currency): adds fee, tax and total columns to the ledger and summary; Meta's amounts are untouched")
    Path fees;

    @Option(names = "--tax", paramLabel = "RATE",
            description = "tax on Meta's amount plus fees, e.g. 0.18 or 18%%: adds fee, tax and total columns to the ledger and summary")
    String tax;

    @Override public Integer call() throws Exception {
        Catalog catalog = loadCatalog(pricing.rates);
        SimulationRun.Settings settings = settings(catalog, logs, output.out);
        Surcharges surcharges = surcharges(spec, fees, tax, settings.accounts());
        io.wabill.app.RunWorkbook workbook = xlsx.workbook(io.wabill.app.RunWorkbook.Kind.SIMULATION);
        RunArtifacts artifacts = output.artifacts("wabill simulate: " + logs.size() + (logs.size() == 1 ? " log" : " logs"),
                r -> RunInputsFactory.of(spec, settings, r.tables().facts()), workbook);
        if (threads < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1, was " + threads);
        SimulationRun.Result r = new SimulationRun(settings, null, artifacts).withWording(FlagNames::of).withThreads(threads)
                .withSurcharges(surcharges).withManifest(manifest(spec, accounts, pricing).input(fees)).run();
        new RunReport(spec.commandLine().getOut()).print(r);
        XlsxOption.printWritten(workbook, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    SimulationRun.Settings settings(Catalog catalog, List<Path> logFiles, Path out) {
        return new SimulationRun.Settings(logFiles, catalog, accounts.book(), pricing.options(),
                output.onError == RunOutput.OnError.SKIP, output.statusHorizon, output.maxUnsortedRows, out,
                !output.noLedger, output.dialect, output.mask(), ConsoleProgress.forConsole(output.quiet));
    }

    /** The run.json header, with the accounts file and the cards given as inputs besides the logs. */
    static io.wabill.report.RunManifest manifest(CommandSpec spec, AccountOptions accounts, PricingOptionsMixin pricing) {
        return RunManifests.of(spec).input(accounts.accountsFile).input(pricing.rates);
    }

    /** The bill as paid from --fees and --tax, or null when neither is given (the outputs are then FORMATS.md's own). */
    static Surcharges surcharges(CommandSpec spec, Path fees, String tax, io.wabill.sim.account.AccountBook accounts)
            throws java.io.IOException {
        if (fees == null && tax == null) return null;
        java.math.BigDecimal rate = null;
        if (tax != null) {
            try {
                rate = Surcharges.parseRate(tax);
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--tax: '" + tax + "' is not a rate such as 0.18 or 18%");
            }
        }
        FeeSchedule schedule = null;
        if (fees != null) {
            try {
                schedule = FeeScheduleReader.read(fees);
            } catch (FeeScheduleReader.FeeScheduleException e) {
                throw new UserException(e.getMessage());
            }
        }
        return new Surcharges(schedule, rate, new io.wabill.report.LocalDays(accounts));
    }

    static Catalog loadCatalog(Path rates) throws Exception {
        try {
            return rates == null ? CatalogLoader.bundled() : RatesFolder.load(rates);
        } catch (CatalogLoadException | OutputException e) {
            throw new UserException(e.getMessage());
        }
    }

    static void printWritten(PrintWriter out, List<Path> written) {
        out.println("Wrote:");
        for (Path p : written) out.println("  " + p);
    }
}
