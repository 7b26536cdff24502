package io.wabill.report;

import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.Writer;
import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.Regime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects charged messages per (account-local day, account, billable category, currency) while a run goes, into
 * {@code daily.csv}. Memory is bounded by days × accounts × categories, never by the number of messages. The day's
 * regime and card are kept so that a chart can mark switches (G1) and card changes (G2) from the file's rows.
 *
 * <p>Cells are kept by their key's parts as the lines hand them over (the day as a number, the account, category and
 * currency strings and constants the engine reuses): a line costs the last cell's check or one hash lookup with a
 * reused probe, and allocates nothing once its cell exists. The rows are put in the file's order (by the printed
 * day, account, category and currency) when they are asked for.
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
        /** The last line's regime and card, when it had one. */
        Regime regime;
        String rateCard = "";
    }

    private final LocalDays days;
    private final HashMap<Probe, Cell> cells = new HashMap<>();
    private final Probe probe = new Probe();

    public DailyTable(LocalDays days) { this.days = days; }

    // The last line's key parts and cell: consecutive lines mostly share them.
    private String lastAccount, lastCurrency;
    private long lastDay;
    private BillableCategory lastBillable;
    private Cell last;

    @Override public void accept(LedgerLine l) {
        if (!l.type().isCharged()) return;
        String account = l.message().account();
        long day = days.epochDay(account, l.chargedAt());
        Cell c = last;
        if (c == null || day != lastDay || l.billable() != lastBillable || !account.equals(lastAccount)
                || !Objects.equals(l.currency(), lastCurrency)) {
            Probe p = probe;
            p.set(day, account, l.billable(), l.currency());
            c = cells.get(p);
            if (c == null) {
                c = new Cell();
                cells.put(p.copy(), c);
            }
            last = c;
            lastDay = day;
            lastBillable = l.billable();
            lastAccount = account;
            lastCurrency = l.currency();
        }
        c.messages++;
        c.units = Money.add(c.units, l.amountUnits());
        if (l.regime() != null) c.regime = l.regime();
        if (l.rateCard() != null) c.rateCard = l.rateCard();
    }

    /** Adds the cells of a table priced apart (another portfolio's lane); the accounts do not overlap. */
    public void addAll(DailyTable other) {
        for (var e : other.cells.entrySet()) {
            Cell c = cells.get(e.getKey());
            if (c == null) {
                c = new Cell();
                cells.put(e.getKey(), c);
            }
            c.messages += e.getValue().messages;
            c.units = Money.add(c.units, e.getValue().units);
            c.regime = e.getValue().regime;
            c.rateCard = e.getValue().rateCard;
        }
        last = null;
    }

    /** The rows of {@code daily.csv}, by day, account, category and currency. */
    public List<DailyRow> rows() {
        Map<Key, Cell> sorted = new TreeMap<>(Key.ORDER);
        for (var e : cells.entrySet()) {
            Probe k = e.getKey();
            Key key = new Key(LocalDate.ofEpochDay(k.day).toString(), k.account, k.billable.code(), k.currency);
            if (sorted.putIfAbsent(key, e.getValue()) != null)
                throw new IllegalStateException("two cells of daily.csv print as " + key);
        }
        List<DailyRow> rows = new ArrayList<>(sorted.size());
        sorted.forEach((k, c) -> rows.add(new DailyRow(k.day(), k.account(), k.billable(), c.messages,
                Money.toDecimal(c.units), k.currency(), c.regime == null ? "" : c.regime.label(), c.rateCard)));
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

    /** A cell's key as the lines hand its parts over; one instance is reused to look cells up. */
    private static final class Probe {
        long day;
        String account;
        BillableCategory billable;
        String currency;
        int hash;

        void set(long day, String account, BillableCategory billable, String currency) {
            this.day = day;
            this.account = account;
            this.billable = billable;
            this.currency = currency;
            hash = ((Long.hashCode(day) * 31 + account.hashCode()) * 31 + billable.ordinal()) * 31
                    + Objects.hashCode(currency);
        }

        Probe copy() {
            Probe p = new Probe();
            p.set(day, account, billable, currency);
            return p;
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) {
            return o instanceof Probe p && day == p.day && billable == p.billable && account.equals(p.account)
                    && Objects.equals(currency, p.currency);
        }
    }
}
