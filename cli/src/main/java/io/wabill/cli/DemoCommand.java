package io.wabill.cli;

import io.wabill.app.FlagNames;
import io.wabill.app.SimulationRun;
import io.wabill.app.RunArtifacts;

import io.wabill.sim.api.Catalog;
import io.wabill.data.samples.DemoLog;
import io.wabill.report.OutputSet;
import io.wabill.report.html.RunInputs;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wabill demo}: prices the bundled sample log with the bundled rate cards. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Price the bundled demo log (an online retailer in Sao Paulo, nine markets, September to November",
            "2026, across the switch to PMP-26) with Meta's bundled rate cards, and print a cost summary."})
public final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AccountOptions accounts;
    @Mixin PricingOptionsMixin pricing;
    @Mixin RunOutput output;

    @Override public Integer call() throws Exception {
        // The retailer is in Sao Paulo unless --time-zone says otherwise (--time-zone UTC included: it is honoured, not
        // taken for the default).
        if (!spec.commandLine().getParseResult().hasMatchedOption("--time-zone"))
            accounts.timeZone = java.time.ZoneId.of("America/Sao_Paulo");
        Catalog catalog = SimulateCommand.loadCatalog(pricing.rates);
        Path out = output.out.resolve("demo");
        // The demo shows everything wabill makes: charts, report and FOCUS export go beside the CSV unless given.
        if (output.charts == null) output.charts = out.resolve("charts");
        if (output.report == null) output.report = out;
        if (output.focus == null) output.focus = out.resolve("focus.csv");
        var printer = spec.commandLine().getOut();
        SimulationRun.Result r;
        Path log;
        // One output set: the demo log, the simulate outputs, charts, report and FOCUS file appear together.
        try (OutputSet outputs = OutputSet.begin(out, SimulateCommand.manifest(spec, accounts, pricing))) {
            log = outputs.path().resolve("demo-log.csv.gz");
            outputs.claim(log, "demo-log.csv.gz");
            try (OutputStream o = outputs.openBinary(log.getFileName().toString())) {
                DemoLog.write(o);
            }
            // The run reads the log where the set staged it; the report names it where it will be.
            Path staged = outputs.staged(log);
            printer.println("Demo: " + log + " (time zone " + accounts.timeZone + ", bundled Meta rate cards)");
            SimulationRun.Settings s = new SimulationRun.Settings(List.of(staged), catalog, accounts.book(), pricing.options(),
                    output.onError == RunOutput.OnError.SKIP, output.statusHorizon, output.maxUnsortedRows, out,
                    !output.noLedger, output.dialect, output.mask(), ConsoleProgress.forConsole(output.quiet));
            RunArtifacts artifacts = output.artifacts("wabill demo: an online retailer in Sao Paulo, September to November 2026",
                    x -> named(RunInputsFactory.of(spec, s, x.tables().facts()), log, staged));
            r = new SimulationRun(s, null, artifacts).withWording(FlagNames::of).into(outputs).run();
            List<Path> written = outputs.commit();
            r = new SimulationRun.Result(r.rowsIn(), r.ledgerRows(), r.rowsMerged(), r.rowsSkipped(), r.summary(), written,
                    r.sortedInMemory(), r.peakPairs(), r.tables(), r.threads());
        }
        new RunReport(printer).print(r);
        printer.println("Charts: " + output.charts + " (PNG and SVG); the report works offline in any browser");
        printer.flush();
        return ExitCodes.OK;
    }

    /** The report's inputs with the demo log named where it is published, not where the run read it. */
    private static RunInputs named(RunInputs in, Path log, Path staged) {
        long bytes;
        try {
            bytes = Files.size(staged);
        } catch (java.io.IOException e) {
            bytes = -1;
        }
        return new RunInputs(in.command(), List.of(new RunInputs.LogFile(log.toString(), bytes)), in.catalog(), in.cards(),
                in.regimes(), in.options(), in.accounts());
    }
}
