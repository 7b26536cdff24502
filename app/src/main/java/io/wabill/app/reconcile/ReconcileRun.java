package io.wabill.app.reconcile;

import io.wabill.app.DefaultManifest;
import io.wabill.app.SimulationRun;
import io.wabill.app.UserException;
import io.wabill.app.WebhookImportRun;
import io.wabill.data.analytics.AnalyticsReader;
import io.wabill.data.webhooks.WebhookImport;
import io.wabill.report.OutputSet;
import io.wabill.report.RunManifest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@code reconcile}: webhook payload files imported first (into {@code imported-log.csv.gz} in the output folder),
 * the logs priced as {@code simulate} prices them, each ledger line compared with what Meta reported for its message,
 * and saved analytics responses compared with the model's totals.
 */
public final class ReconcileRun {
    private ReconcileRun() {}

    /** What the run did: the simulation, the agreement with Meta, every file written. */
    public record Result(SimulationRun.Result run, Reconciler.Summary summary, List<Path> written) {}

    /**
     * @param simulate       the simulate settings; its logs are the imported logs to price (webhook files are added)
     * @param webhooks       webhook payload files to import first; may be empty
     * @param importSettings how to import them
     * @param imported       told what the import did, before pricing starts
     * @param wording        rewords the core's messages in errors.csv (a command line names its flags)
     */
    public static Result run(SimulationRun.Settings simulate, List<Path> webhooks, WebhookImport.Settings importSettings,
                             List<Path> analyticsFiles, BigDecimal costTolerance, Consumer<WebhookImportRun.Result> imported,
                             UnaryOperator<String> wording) throws IOException {
        return run(simulate, webhooks, importSettings, analyticsFiles, costTolerance, imported, wording,
                DefaultManifest.of("reconcile"));
    }

    /**
     * As above, with {@code manifest} the header of the run's {@code run.json} (the command line passes its own); the
     * logs, webhook files and analytics files are added as inputs.
     */
    public static Result run(SimulationRun.Settings simulate, List<Path> webhooks, WebhookImport.Settings importSettings,
                             List<Path> analyticsFiles, BigDecimal costTolerance, Consumer<WebhookImportRun.Result> imported,
                             UnaryOperator<String> wording, RunManifest manifest) throws IOException {
        List<Path> logs = new ArrayList<>(simulate.logs());
        // One output set: the imported log, the simulate outputs and the reconcile files appear together or not at all.
        try (OutputSet outputs = OutputSet.begin(simulate.out(), manifest.inputs(analyticsFiles))) {
            outputs.reserve(SimulationRun.outputNames());
            outputs.reserve("agreement.csv", "mismatches.csv", "conversations.csv", "monthly.csv", "analytics-diff.csv");
            if (!webhooks.isEmpty()) {
                Path log = outputs.path().resolve("imported-log.csv.gz");
                WebhookImportRun.Result r = new WebhookImportRun(importSettings, simulate.dialect()).run(webhooks, log, outputs);
                imported.accept(r);
                // The log is read from where the set staged it: it appears under its name only with the rest.
                logs.add(outputs.staged(log));
            }
            MetaReports reports = MetaReports.read(logs);
            if (!reports.anyColumns())
                throw new UserException("the logs have no meta_* columns, so there is nothing Meta reported to compare with; "
                        + "give the webhook payload files, or a log written by 'wabill import webhooks'");
            List<AnalyticsComparison> comparisons = new ArrayList<>();
            AnalyticsReader reader = new AnalyticsReader();
            for (Path a : analyticsFiles) comparisons.add(new AnalyticsComparison(reader.read(a), costTolerance));

            Reconciler reconciler = new Reconciler(reports, comparisons, outputs, simulate.dialect());
            SimulationRun.Settings s = new SimulationRun.Settings(logs, simulate.catalog(), simulate.accounts(),
                    simulate.pricing(), simulate.skipBadRows(), simulate.statusHorizon(), simulate.maxUnsortedRows(),
                    simulate.out(), simulate.writeLedger(), simulate.dialect(), simulate.mask(), simulate.progress());
            SimulationRun.Result run = new SimulationRun(s, reconciler, null).withWording(wording).into(outputs).run();
            Reconciler.Summary summary = reconciler.finish();
            List<Path> written = outputs.commit();
            return new Result(run, summary, written);
        }
    }
}
