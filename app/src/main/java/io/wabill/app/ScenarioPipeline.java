package io.wabill.app;

import io.wabill.sim.api.Catalog;
import io.wabill.report.CsvDialect;
import io.wabill.report.CustomerMask;
import io.wabill.report.LedgerWriter;
import io.wabill.report.SummaryTable;
import io.wabill.report.TemplateTable;
import io.wabill.report.fees.Surcharges;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.MonthTotals;
import io.wabill.sim.api.PricingConfig;
import io.wabill.sim.api.PricingConfigException;
import io.wabill.sim.api.PricingSession;
import io.wabill.sim.api.RowProblem;
import io.wabill.sim.api.SessionOptions;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.LogRowFields;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One scenario's path from rows to priced lines: its own {@link PricingSession} (the evaluation instant depends on
 * the scenario's regime, the strategy chain is the scenario's) and sinks. Scenarios share nothing, so a comparison
 * feeds every row to each of them and their results are paired by construction.
 */
public final class ScenarioPipeline {
    final Scenario scenario;
    final PricingSession session;
    final SummaryTable summary = new SummaryTable();
    final TemplateTable templates = new TemplateTable();
    private final LedgerWriter ledger;
    private final Consumer<RowIssue> issues;
    long ledgerRows;
    long unpricedRows;

    /** A row or message this scenario could not use, for the run's error report. */
    public record RowIssue(String file, long line, String column, String value, String reason, int rows, boolean pricing,
                           boolean outOfReach) {}

    /**
     * @param nbpTotals the counting pass's totals of this scenario under whole-month bands (A3), else null
     * @param counting  this is that counting pass
     */
    /** Where a scenario's ledger goes: a text writer, or a byte stream (the ledger writer's form with fee columns). */
    record LedgerTarget(Writer writer, OutputStream stream) {
        static LedgerTarget of(Writer w) { return new LedgerTarget(w, null); }

        static LedgerTarget of(OutputStream s) { return new LedgerTarget(null, s); }
    }

    /**
     * @param surcharges the bill as paid (--fees, --tax), or null: this scenario's fees and tax are worked out on its
     *                   own ledger lines, by the same schedule and tax code as simulate, into its summary and ledger
     */
    ScenarioPipeline(Scenario scenario, Catalog catalog, AccountBook accounts, Duration horizon, LedgerTarget ledgerOut,
                     CsvDialect dialect, CustomerMask mask, Surcharges surcharges, MonthTotals nbpTotals, boolean counting,
                     Consumer<RowIssue> issues) throws IOException {
        this.scenario = scenario;
        this.issues = issues;
        this.summary.withSurcharges(surcharges);
        if (ledgerOut == null) this.ledger = null;
        else if (ledgerOut.stream() != null) this.ledger = new LedgerWriter(ledgerOut.stream(), dialect, mask, surcharges);
        else if (surcharges != null) throw new IllegalArgumentException("a ledger with fee columns is written to a byte stream");
        else this.ledger = new LedgerWriter(ledgerOut.writer(), dialect, mask);
        PricingConfig config;
        try {
            config = PricingConfig.builder().catalog(catalog).accounts(accounts).options(scenario.pricing())
                    .strategy(scenario.chain()).statusHorizon(horizon).build();
        } catch (PricingConfigException e) {
            throw new UserException(scenario.name() + ": " + e.getMessage());
        }
        SessionOptions o = SessionOptions.defaults().withProblems(this::problem);
        if (counting) o = o.asCountingPass();
        else if (nbpTotals != null) o = o.withMonthTotals(nbpTotals);
        this.session = config.newLineSession(this::accept, o);
    }

    private void accept(LedgerLine line) {
        summary.accept(line);
        templates.accept(line);
        if (ledger != null) ledger.accept(line);
        ledgerRows++;
    }

    void accept(LogRowFields row) { session.accept(row); }

    /**
     * A rejected status row is the same in every scenario; an unpriceable message is this scenario's; a row out of
     * reach (G10, G3) may make the run hold the log whole instead.
     */
    private void problem(RowProblem p) {
        boolean pricing = p.kind() == RowProblem.Kind.UNPRICEABLE;
        if (pricing) unpricedRows++; // its other status rows are counted as merged
        issues.accept(new RowIssue(p.file(), p.line(), p.column(), p.value(), p.reason(), pricing ? 1 : p.rows(), pricing,
                p.kind() == RowProblem.Kind.OUT_OF_REACH));
    }

    /** Ends the log: releases held messages and fires the executive's last events. */
    public void finish() throws IOException {
        session.finish();
        if (ledger != null) ledger.close();
    }
}
