package io.wabill.app.reconcile;

import io.wabill.app.SimulationRun;
import io.wabill.app.UserException;
import io.wabill.app.WebhookImportRun;
import io.wabill.data.analytics.AnalyticsReader;
import io.wabill.data.webhooks.WebhookImport;
import io.wabill.report.OutputSet;
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
        List<Path> logs = new ArrayList<>(simulate.logs());
        List<Path> written = new ArrayList<>();
        if (!webhooks.isEmpty()) {
            Path log = simulate.out().resolve("imported-log.csv.gz");
            WebhookImportRun.Result r = new WebhookImportRun(importSettings, simulate.dialect()).run(webhooks, log);
            imported.accept(r);
            written.addAll(r.written());
            logs.add(log);
        }
        MetaReports reports = MetaReports.read(logs);
        if (!reports.anyColumns())
            throw new UserException("the logs have no meta_* columns, so there is nothing Meta reported to compare with; "
                    + "give the webhook payload files, or a log written by 'wabill import webhooks'");
        List<AnalyticsComparison> comparisons = new ArrayList<>();
        AnalyticsReader reader = new AnalyticsReader();
        for (Path a : analyticsFiles) comparisons.add(new AnalyticsComparison(reader.read(a), costTolerance));

        OutputSet reconcileOutputs = new OutputSet(simulate.out());
        try {
            Reconciler reconciler = new Reconciler(reports, comparisons, reconcileOutputs, simulate.dialect());
            SimulationRun.Settings s = new SimulationRun.Settings(logs, simulate.catalog(), simulate.accounts(),
                    simulate.pricing(), simulate.skipBadRows(), simulate.statusHorizon(), simulate.maxUnsortedRows(),
                    simulate.out(), simulate.writeLedger(), simulate.dialect(), simulate.mask(), simulate.progress());
            SimulationRun.Result run = new SimulationRun(s, reconciler, null).withWording(wording).run();
            written.addAll(run.written());
            Reconciler.Summary summary = reconciler.finish();
            written.addAll(reconcileOutputs.commit());
            return new Result(run, summary, written);
        } catch (IOException | RuntimeException e) {
            reconcileOutputs.abort();
            throw e;
        }
    }
}
