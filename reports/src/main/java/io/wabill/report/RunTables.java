package io.wabill.report;

import io.wabill.report.focus.FocusTable;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.rates.RateCatalog;

/**
 * The tables a run collects besides the ledger and summary, fed line by line: {@code daily.csv}, {@code tiers.csv},
 * what the run used (cards, regimes) and, when asked for, the FOCUS export. Each is bounded by days, accounts,
 * markets and categories, never by the number of messages.
 */
public final class RunTables implements LedgerSink {
    private final DailyTable daily;
    private final TierTable tiers;
    private final RunFacts facts;
    private final FocusTable focus;
    private final TemplateTable templates = new TemplateTable();

    public RunTables(AccountBook accounts, RateCatalog catalog, boolean withFocus) {
        LocalDays days = new LocalDays(accounts);
        this.daily = new DailyTable(days);
        this.tiers = new TierTable(days, catalog);
        this.facts = new RunFacts(days);
        this.focus = withFocus ? new FocusTable(days, catalog) : null;
    }

    @Override public void accept(LedgerLine l) {
        daily.accept(l);
        tiers.accept(l);
        facts.accept(l);
        templates.accept(l);
        if (focus != null) focus.accept(l);
    }

    /** Adds the tables of a run priced apart: another portfolio's lane of a parallel simulate. */
    public void addAll(RunTables other) {
        daily.addAll(other.daily);
        tiers.addAll(other.tiers);
        facts.addAll(other.facts);
        templates.addAll(other.templates);
        if (focus != null && other.focus != null) focus.addAll(other.focus);
    }

    public DailyTable daily() { return daily; }

    public TierTable tiers() { return tiers; }

    public RunFacts facts() { return facts; }

    /** Spend per template ({@code templates.csv}). */
    public TemplateTable templates() { return templates; }

    /** The FOCUS export, or null when it was not asked for. */
    public FocusTable focus() { return focus; }
}
