package io.wabill.cli;

import io.wabill.data.rates.Catalog;
import io.wabill.report.CsvDialect;
import io.wabill.report.CustomerMask;
import io.wabill.report.LedgerWriter;
import io.wabill.report.SummaryTable;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.engine.Engine;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LongCounter;
import io.wabill.sim.engine.PricingException;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.exec.Pipeline;
import io.wabill.sim.market.MarketResolver;
import io.wabill.sim.rates.CatalogException;
import java.io.IOException;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * One scenario's path from rows to priced lines: its own assembler (the evaluation instant depends on the
 * scenario's regime), executive, strategy chain, engine and sinks. Scenarios share nothing, so a comparison
 * feeds every row to each of them and their results are paired by construction.
 */
final class ScenarioPipeline implements Pipeline.Problems {
    final Scenario scenario;
    final Engine engine;
    final Pipeline pipeline;
    final SummaryTable summary = new SummaryTable();
    private final LedgerWriter ledger;
    private final Consumer<RowIssue> issues;
    long ledgerRows;
    long unpricedRows;

    /** A row or message this scenario could not use, for the run's error report. */
    record RowIssue(String file, long line, String column, String value, String reason, int rows, boolean pricing,
                    boolean outOfReach) {}

    ScenarioPipeline(Scenario scenario, Catalog catalog, AccountBook accounts, long horizonMillis, Writer ledgerOut,
                     CsvDialect dialect, CustomerMask mask, LongCounter nbpTotals, Consumer<RowIssue> issues)
            throws IOException {
        this.scenario = scenario;
        this.issues = issues;
        this.ledger = ledgerOut == null ? null : new LedgerWriter(ledgerOut, dialect, mask);
        try {
            this.engine = new Engine(catalog.rates(), new MarketResolver(catalog.markets()), accounts, scenario.pricing(),
                    this::accept);
        } catch (CatalogException e) {
            throw new UserException(scenario.name() + ": " + e.getMessage());
        }
        if (nbpTotals != null) engine.useNbpMonthTotals(nbpTotals);
        this.pipeline = new Pipeline(engine, scenario.chain(), horizonMillis, this);
    }

    private void accept(LedgerLine line) {
        summary.accept(line);
        if (ledger != null) ledger.accept(line);
        ledgerRows++;
    }

    void accept(LogRow row) { pipeline.accept(row); }

    @Override public void rejectedRow(LogRow row, String column, String reason) {
        issues.accept(new RowIssue(row.file(), row.line(), column, "", reason, 1, false, false));
    }

    /** A row later than a streamed log waits for (G10, G3): the run may hold the log whole instead. */
    @Override public void outOfReach(LogRow row, String column, String reason) {
        issues.accept(new RowIssue(row.file(), row.line(), column, row.messageId(), reason, 1, false, true));
    }

    /** Ends the log: releases held messages and fires the executive's last events. */
    void finish() throws IOException {
        pipeline.finish();
        if (ledger != null) ledger.close();
    }

    @Override public void unpriced(PricingException e) {
        unpricedRows++; // its other status rows are counted as merged
        issues.accept(new RowIssue(e.file(), e.line(), e.column(), e.value(),
                e.getMessage() + (e.rows() > 1 ? " (the message's " + e.rows() + " status rows)" : ""), 1, true, false));
    }
}
