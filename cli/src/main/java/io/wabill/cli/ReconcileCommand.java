package io.wabill.cli;

import io.wabill.app.FlagNames;
import io.wabill.app.SimulationRun;
import io.wabill.app.WebhookImportRun;
import io.wabill.app.UserException;

import io.wabill.app.reconcile.ReconcileRun;
import io.wabill.app.reconcile.Reconciler;
import io.wabill.app.reconcile.Tally;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wabill reconcile}: prices a log with the model and compares it, message by message, with what Meta reported. */
@Command(name = "reconcile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Price imported logs (or webhook payload files, imported first) with the model and compare every",
            "message with what Meta reported in its webhooks: pricing model, pricing type, billable category, billable flag,",
            "refusals, CBP conversation boundaries and window ends. Optionally compare saved pricing_analytics or",
            "conversation_analytics responses with the model's volumes and costs.",
            "Writes the simulate outputs plus agreement.csv, mismatches.csv, conversations.csv, monthly.csv and",
            "analytics-diff.csv (with --analytics)."},
        footer = {"", "Example:", "  wabill reconcile hooks.jsonl.gz --analytics pricing-2025-09.json --time-zone America/Sao_Paulo --out rec/"})
public final class ReconcileCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "LOG_OR_WEBHOOKS", arity = "1..*",
            description = "imported logs (.csv, .csv.gz, with meta_* columns) or webhook payload files (.json, .jsonl, .ndjson, optionally .gz)")
    List<Path> inputs;

    @Option(names = "--analytics", paramLabel = "FILE", description = "a saved pricing_analytics or conversation_analytics response (JSON); repeatable")
    List<Path> analyticsFiles = new ArrayList<>();

    @Option(names = "--cost-tolerance", paramLabel = "AMOUNT", defaultValue = "0",
            description = "largest cost difference per analytics cell still taken as agreement (Meta calls analytics approximate); default: ${DEFAULT-VALUE}")
    BigDecimal costTolerance;

    @Mixin AccountOptions accounts;
    @Mixin PricingOptionsMixin pricing;
    @Mixin ImportOptions importOptions;
    @Mixin RunOutput output;

    @Override public Integer call() throws Exception {
        if (costTolerance.signum() < 0) throw new UserException("--cost-tolerance must be >= 0, was " + costTolerance);
        PrintWriter out = spec.commandLine().getOut();
        List<Path> logs = new ArrayList<>(), webhooks = new ArrayList<>();
        for (Path p : inputs) (isWebhookFile(p) ? webhooks : logs).add(p);
        if (!webhooks.isEmpty()) ImportWebhooksCommand.checkHorizon(importOptions, output.statusHorizon);
        SimulationRun.Settings settings = new SimulationRun.Settings(logs, SimulateCommand.loadCatalog(pricing.rates),
                accounts.book(), pricing.options(), output.onError == RunOutput.OnError.SKIP, output.statusHorizon,
                output.maxUnsortedRows, output.out, !output.noLedger, output.dialect, output.mask(),
                ConsoleProgress.forConsole(output.quiet));
        ReconcileRun.Result r = ReconcileRun.run(settings, webhooks, importOptions.settings(output.statusHorizon),
                analyticsFiles, costTolerance, i -> WebhookImportRun.print(out, i.report(), i.errors()), FlagNames::of,
                SimulateCommand.manifest(spec, accounts, pricing));
        out.printf("Rows in: %,d = %,d ledger rows + %,d status rows merged + %,d skipped%n",
                r.run().rowsIn(), r.run().ledgerRows(), r.run().rowsMerged(), r.run().rowsSkipped());
        print(out, r.summary());
        List<Path> written = r.written();
        SimulateCommand.printWritten(out, written);
        out.flush();
        return ExitCodes.OK;
    }

    static boolean isWebhookFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    static void print(PrintWriter out, Reconciler.Summary s) {
        out.printf("Agreement with Meta's reports: %,d outbound messages, %,d with a report%n", s.outbound(), s.reported());
        out.printf("  %-18s %10s %10s %10s %13s%n", "field", "compared", "agree", "disagree", "not reported");
        for (var e : s.tallies().entrySet()) {
            Tally t = e.getValue();
            out.printf("  %-18s %,10d %,10d %,10d %,13d%n", e.getKey().code(), t.compared(), t.agree(), t.disagree(), t.notReported());
        }
        for (Reconciler.AnalyticsResult a : s.analytics()) {
            out.printf("Analytics %s (%s): %,d of %,d cells agree%s%n", a.file(), a.kind(), a.agree(), a.cells(),
                    a.outOfRange() == 0 ? "" : "; " + a.outOfRange() + " model rows outside its periods not compared");
        }
        out.println(s.fullAgreement() ? "Full agreement." : "Differences are listed in mismatches.csv"
                + (s.analytics().isEmpty() ? "." : " and analytics-diff.csv."));
    }

}
