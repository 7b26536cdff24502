package io.wabill.report.html;

import io.wabill.report.Cents;
import io.wabill.report.LedgerFormat;
import io.wabill.report.SummaryTable;
import io.wabill.report.TemplateTable;
import io.wabill.sim.money.Money;
import io.wabill.report.SummaryRow;
import io.wabill.report.TierRow;
import io.wabill.report.chart.Chart;
import io.wabill.report.chart.ChartWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report of one {@code simulate} (or {@code demo}) run: totals, where the money goes (month × category and
 * month × market pivots, the costliest templates), charts, the summary and volume-tier tables
 * (the rows of {@code summary.csv} and {@code tiers.csv}), the inputs and options used, and the row accounting.
 * Other commands build their own report with {@link HtmlReport} and may reuse the sections here.
 */
public final class SimulationReport {
    /** Row accounting: rows in = ledger rows + status rows merged + rows skipped (FORMATS.md section 4). */
    public record Accounting(long rowsIn, long ledgerRows, long merged, long skipped) {}

    private SimulationReport() {}

    public static HtmlReport build(String title, List<SummaryRow> summary, List<TierRow> tiers, List<Chart> charts,
                                   RunInputs inputs, Accounting accounting, ChartWriter writer) {
        return build(title, summary, List.of(), tiers, charts, inputs, accounting, writer);
    }

    public static HtmlReport build(String title, List<SummaryRow> summary, List<TemplateTable.Row> templates,
                                   List<TierRow> tiers, List<Chart> charts, RunInputs inputs, Accounting accounting,
                                   ChartWriter writer) {
        return build(title, summary, templates, List.of(), tiers, charts, inputs, accounting, writer);
    }

    /** @param bills Meta, fees, tax and total per month and currency; empty when no --fees or --tax was given */
    public static HtmlReport build(String title, List<SummaryRow> summary, List<TemplateTable.Row> templates,
                                   List<SummaryTable.Bill> bills, List<TierRow> tiers, List<Chart> charts,
                                   RunInputs inputs, Accounting accounting, ChartWriter writer) {
        HtmlReport report = new HtmlReport(title, writer);
        overview(report.section("overview", "Overview"), summary, accounting);
        spend(report.section("spend", "Where the money goes"), summary, templates);
        if (!bills.isEmpty()) bill(report.section("bill", "The bill as paid"), bills);
        HtmlReport.Section cs = report.section("charts", "Charts");
        if (charts.isEmpty()) cs.paragraph("No charts: the run priced nothing.");
        for (Chart c : charts) cs.chart(c);
        report.section("summary", "Summary").paragraph("The rows of summary.csv: messages and amount per local month, "
                + "account, market, billable category and pricing type (amounts to the cent; the file has them exact).")
                .table(summaryTable(summary));
        report.section("tiers", "Volume tiers").paragraph("The rows of tiers.csv: charged tiered messages per volume-tier "
                + "counter (portfolio, market, family, local month; D6, D7) and day, with the band the engine used and "
                + "where the next band of the card in force starts.").table(tierTable(tiers));
        inputs(report.section("inputs", "Inputs and options"), inputs);
        accounting(report.section("accounting", "Row accounting"), accounting);
        return report;
    }

    static void overview(HtmlReport.Section s, List<SummaryRow> summary, Accounting a) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        long charged = 0, messages = 0;
        for (SummaryRow r : summary) {
            totals.merge(r.currency(), r.amount(), BigDecimal::add);
            messages += r.messages();
            if (r.pricingType().equals("regular")) charged += r.messages();
        }
        List<String[]> facts = new ArrayList<>();
        totals.forEach((cur, t) -> facts.add(new String[] {"Total " + cur, HtmlReport.grouped(Cents.of(Money.toUnits(t)))
                + " (exact: " + HtmlReport.grouped(LedgerFormat.amount(t)) + ")"}));
        facts.add(new String[] {"Ledger rows", HtmlReport.grouped(Long.toString(messages))});
        facts.add(new String[] {"Charged messages", HtmlReport.grouped(Long.toString(charged))});
        facts.add(new String[] {"Rows in", HtmlReport.grouped(Long.toString(a.rowsIn()))});
        s.facts(facts);
    }

    /** Month × category and month × market pivots per currency, with totals, and the costliest templates. */
    static void spend(HtmlReport.Section s, List<SummaryRow> summary, List<TemplateTable.Row> templates) {
        s.paragraph("Amounts to the cent (half up); summary.csv and templates.csv keep the exact values. Totals are "
                + "rounded from exact sums.");
        for (String currency : SpendPivots.currencies(summary)) {
            s.table(SpendPivots.byCategory(summary, currency));
            s.table(SpendPivots.byMarket(summary, currency));
        }
        if (!templates.isEmpty()) s.table(SpendPivots.topTemplates(templates));
    }

    /** Meta's amount, the provider's fees, the tax and the total paid side by side, per month and currency. */
    static void bill(HtmlReport.Section s, List<SummaryTable.Bill> bills) {
        s.paragraph("Meta's amounts as priced, the provider's fees (--fees) and the tax (--tax) on both, to the cent; "
                + "summary.csv and ledger.csv hold the exact values in their fee, tax and total columns.");
        Table t = new Table("bill-table", "The bill as paid", List.of("month", "currency", "meta", "fees", "tax", "total"),
                List.of("meta", "fees", "tax", "total"));
        Map<String, long[]> totals = new TreeMap<>();
        for (SummaryTable.Bill b : bills) {
            t.row(b.month(), b.currency(), Cents.of(b.meta()), Cents.of(b.fee()), Cents.of(b.tax()), Cents.of(b.total()));
            long[] sum = totals.computeIfAbsent(b.currency(), k -> new long[4]);
            sum[0] = Money.add(sum[0], b.meta());
            sum[1] = Money.add(sum[1], b.fee());
            sum[2] = Money.add(sum[2], b.tax());
            sum[3] = Money.add(sum[3], b.total());
        }
        for (var e : totals.entrySet())
            t.footer(List.of("total", e.getKey(), Cents.of(e.getValue()[0]), Cents.of(e.getValue()[1]), Cents.of(e.getValue()[2]),
                    Cents.of(e.getValue()[3])));
        s.table(t);
    }

    public static Table summaryTable(List<SummaryRow> rows) {
        Table t = new Table("summary-table", "summary.csv", List.of("month", "account", "market", "billable_category",
                "pricing_type", "messages", "amount", "currency"), List.of("messages", "amount"));
        for (SummaryRow r : rows)
            t.row(r.month(), r.account(), r.market(), r.billableCategory(), r.pricingType(), Long.toString(r.messages()),
                    Cents.of(Money.toUnits(r.amount())), r.currency());
        return t;
    }

    public static Table tierTable(List<TierRow> rows) {
        Table t = new Table("tier-table", "tiers.csv", List.of("month", "portfolio", "market", "family", "day",
                "messages", "cumulative", "band", "next_band_from", "currency", "rate_card"),
                List.of("messages", "cumulative", "next_band_from"));
        for (TierRow r : rows)
            t.row(r.month(), r.portfolio(), r.market(), r.family(), r.day(), Long.toString(r.messages()),
                    Long.toString(r.cumulative()), r.band(), r.nextBandFrom(), r.currency(), r.rateCard());
        return t;
    }

    static void inputs(HtmlReport.Section s, RunInputs in) {
        s.facts(List.<String[]>of(new String[] {"Command", in.command()}, new String[] {"Rate catalog", in.catalog()}));
        Table logs = new Table("log-table", "Message logs", List.of("file", "bytes"), List.of("bytes"));
        for (RunInputs.LogFile l : in.logs()) logs.row(l.path(), Long.toString(l.bytes()));
        s.table(logs);
        Table cards = new Table("card-table", "Rate cards used (G2, G2a)", List.of("card", "effective", "source",
                "coverage", "provenance", "lines", "first_day", "last_day"), List.of("lines"));
        for (RunInputs.CardUse c : in.cards())
            cards.row(c.id(), c.effective(), c.source(), c.coverage(), c.provenance(), Long.toString(c.lines()),
                    c.firstDay(), c.lastDay());
        s.table(cards);
        Table regimes = new Table("regime-table", "Regimes in force (G1)", List.of("regime", "lines", "first_day",
                "last_day"), List.of("lines"));
        for (RunInputs.RegimeUse r : in.regimes())
            regimes.row(r.regime(), Long.toString(r.lines()), r.firstDay(), r.lastDay());
        s.table(regimes);
        Table options = new Table("option-table", "Options (with defaults)", List.of("option", "value"), List.of());
        for (String[] o : in.options()) options.row(o[0], o[1]);
        s.table(options);
        Table accounts = new Table("account-table", "Accounts", List.of("account", "time_zone", "currency",
                "business_country", "auth_international_from", "portfolio"), List.of());
        for (RunInputs.AccountInfo a : in.accounts())
            accounts.row(a.id(), a.timeZone(), a.currency(), a.businessCountry(), a.authInternationalFrom(), a.portfolio());
        s.table(accounts);
    }

    static void accounting(HtmlReport.Section s, Accounting a) {
        s.paragraph("Every input row is accounted for: rows in = ledger rows + status rows merged + rows skipped.");
        s.facts(List.<String[]>of(
                new String[] {"Rows in", HtmlReport.grouped(Long.toString(a.rowsIn()))},
                new String[] {"Ledger rows", HtmlReport.grouped(Long.toString(a.ledgerRows()))},
                new String[] {"Status rows merged", HtmlReport.grouped(Long.toString(a.merged()))},
                new String[] {"Rows skipped (errors.csv)", HtmlReport.grouped(Long.toString(a.skipped()))},
                new String[] {"Check", a.rowsIn() + " = " + a.ledgerRows() + " + " + a.merged() + " + " + a.skipped()
                        + (a.rowsIn() == a.ledgerRows() + a.merged() + a.skipped() ? " (adds up)" : " (DOES NOT ADD UP)")}));
    }
}
