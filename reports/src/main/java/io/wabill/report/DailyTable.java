package io.wabill.report;

import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Collects charged messages per (account-local day, account, billable category, currency) while a run goes, into
 * {@code daily.csv}. Memory is bounded by days × accounts × categories, never by the number of messages. The day's
 * regime and card are kept so that a chart can mark switches (G1) and card changes (G2) from the file's rows.
 */
public final class DailyTable implements LedgerSink {
    public static final List<String> COLUMNS = List.of("day", "account", "billable_category", "messages", "amount",
            "currency", "regime", "rate_card");

    private record Key(String day, String account, String billable, String currency) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::day).thenComparing(Key::account)
                .thenComparing(Key::billable).thenComparing(Key::currency);
    }

    private static final class Cell {
        long messages;
        long units;
        String regime = "";
        String rateCard = "";
    }

    private final LocalDays days;
    private final TreeMap<Key, Cell> cells = new TreeMap<>(Key.ORDER);

    public DailyTable(LocalDays days) { this.days = days; }

    // The last line's key parts and cell: consecutive lines mostly share them, so most lines allocate nothing.
    private String lastAccount, lastCurrency;
    private java.time.LocalDate lastDay;
    private io.wabill.sim.domain.BillableCategory lastBillable;
    private Cell last;

    @Override public void accept(LedgerLine l) {
        if (!l.type().isCharged()) return;
        String account = l.message().account();
        java.time.LocalDate day = days.day(account, l.chargedAt());
        Cell c;
        if (last != null && day == lastDay && l.billable() == lastBillable && account.equals(lastAccount)
                && l.currency().equals(lastCurrency)) {
            c = last;
        } else {
            Key key = new Key(day.toString(), account, l.billable().code(), l.currency());
            c = cells.computeIfAbsent(key, k -> new Cell());
            last = c;
            lastDay = day;
            lastBillable = l.billable();
            lastAccount = account;
            lastCurrency = l.currency();
        }
        c.messages++;
        c.units = Money.add(c.units, l.amountUnits());
        if (l.regime() != null) c.regime = l.regime().label();
        if (l.rateCard() != null) c.rateCard = l.rateCard();
    }

    /** Adds the cells of a table priced apart (another portfolio's lane); the accounts do not overlap. */
    public void addAll(DailyTable other) {
        for (var e : other.cells.entrySet()) {
            Cell c = cells.computeIfAbsent(e.getKey(), k -> new Cell());
            c.messages += e.getValue().messages;
            c.units = Money.add(c.units, e.getValue().units);
            c.regime = e.getValue().regime;
            c.rateCard = e.getValue().rateCard;
        }
        last = null;
    }

    /** The rows of {@code daily.csv}, by day, account, category and currency. */
    public List<DailyRow> rows() {
        List<DailyRow> rows = new ArrayList<>(cells.size());
        cells.forEach((k, c) -> rows.add(new DailyRow(k.day(), k.account(), k.billable(), c.messages,
                Money.toDecimal(c.units), k.currency(), c.regime, c.rateCard)));
        return rows;
    }

    public void write(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
        for (DailyRow r : rows()) {
            csv.raw(r.day()).text(r.account()).raw(r.billableCategory()).number(r.messages())
                    .raw(LedgerFormat.amount(r.amount())).raw(r.currency()).raw(r.regime()).raw(r.rateCard());
            csv.endRow();
        }
        csv.close();
    }
}
