package io.wabill.cli;

import io.wabill.app.SimulationRun;
import io.wabill.app.RunArtifacts;

import io.wabill.sim.api.Catalog;
import io.wabill.data.samples.DemoLog;
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
        if (accounts.timeZone.getId().equals("UTC")) accounts.timeZone = java.time.ZoneId.of("America/Sao_Paulo");
        Catalog catalog = SimulateCommand.loadCatalog(pricing.rates);
        Path out = output.out.resolve("demo");
        Files.createDirectories(out);
        Path log = out.resolve("demo-log.csv.gz");
        DemoLog.write(log);
        var printer = spec.commandLine().getOut();
        printer.println("Demo: " + log + " (time zone " + accounts.timeZone + ", bundled Meta rate cards)");
        SimulationRun.Settings s = new SimulationRun.Settings(List.of(log), catalog, accounts.book(), pricing.options(),
                output.onError == RunOutput.OnError.SKIP, output.statusHorizon, output.maxUnsortedRows, out,
                !output.noLedger, output.dialect, output.mask(), ConsoleProgress.forConsole(output.quiet));
        // The demo shows everything wabill makes: charts, report and FOCUS export go beside the CSV unless given.
        if (output.charts == null) output.charts = out.resolve("charts");
        if (output.report == null) output.report = out;
        if (output.focus == null) output.focus = out.resolve("focus.csv");
        RunArtifacts artifacts = output.artifacts("wabill demo: an online retailer in Sao Paulo, September to November 2026",
                r -> RunInputsFactory.of(spec, s, r.tables().facts()));
        SimulationRun.Result r = new SimulationRun(s, null, artifacts).withWording(FlagNames::of).run();
        new RunReport(printer).print(r);
        printer.println("Charts: " + output.charts + " (PNG and SVG); the report works offline in any browser");
        printer.flush();
        return ExitCodes.OK;
    }
}
