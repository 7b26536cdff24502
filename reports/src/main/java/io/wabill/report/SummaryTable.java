package io.wabill.report;

import io.wabill.report.fees.Surcharges;
import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Aggregates the ledger per (local month, account, market, billable category, pricing type, currency)
 * into {@code summary.csv} (FORMATS.md section 5). Amounts are summed in exact units, so the summary's
 * total equals the ledger's to the last digit. Rows are sorted by their key, so the file is stable.
 */
public final class SummaryTable implements LedgerSink {
    public static final List<String> COLUMNS = List.of("month", "account", "market", "billable_category",
            "pricing_type", "messages", "amount", "currency");

    /** One summary row's key. */
    public record Key(String month, String account, String market, String billable, String type, String currency)
            implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::month).thenComparing(Key::account)
                .thenComparing(Key::market).thenComparing(Key::billable).thenComparing(Key::type)
                .thenComparing(Key::currency);

        @Override public int compareTo(Key o) { return ORDER.compare(this, o); }
    }

    /** Messages and amount (in 10^-8 units) of one key. */
    public static final class Cell {
        long messages;
        long units;
        long fee;
        long tax;

        public long messages() { return messages; }

        public long units() { return units; }

        /** The provider's fees (with --fees), in units. */
        public long fee() { return fee; }

        /** The tax on Meta's amount plus fees (with --tax), in units. */
        public long tax() { return tax; }
    }

    private Surcharges surcharges;

    /** Adds fee, tax and total columns (the bill as paid); Meta's amount stays as it is. */
    public SummaryTable withSurcharges(Surcharges s) {
        this.surcharges = s;
        return this;
    }

    public Surcharges surcharges() { return surcharges; }

    /**
     * Cells by their key's parts as the engine hands them over (the same strings and enums line after line):
     * a hit costs one hash lookup with a reused probe and allocates nothing. The sorted view with string keys
     * is built when asked for.
     */
    private final HashMap<Probe, Cell> byParts = new HashMap<>();
    private final Probe probe = new Probe();
    private TreeMap<Key, Cell> cells;

    @Override public void accept(LedgerLine l) {
        Probe p = probe;
        p.set(l.localMonth(), l.message().account(), l.market(), l.billable(), l.type(), l.currency());
        Cell c = byParts.get(p);
        if (c == null) {
            c = new Cell();
            byParts.put(p.copy(), c);
        }
        cells = null;
        c.messages++;
        c.units = Money.add(c.units, l.amountUnits());
        if (surcharges != null) {
            long fee = surcharges.fee(l);
            c.fee = Money.add(c.fee, fee);
            c.tax = Money.add(c.tax, surcharges.tax(l.amountUnits(), fee));
        }
    }

    /** Adds another table's cells to this one (the tables of independent portfolios priced apart). */
    public void addAll(SummaryTable other) {
        for (var e : other.byParts.entrySet()) {
            Cell c = byParts.get(e.getKey());
            if (c == null) {
                c = new Cell();
                byParts.put(e.getKey(), c);
                cells = null;
            }
            c.messages += e.getValue().messages;
            c.units = Money.add(c.units, e.getValue().units);
            c.fee = Money.add(c.fee, e.getValue().fee);
            c.tax = Money.add(c.tax, e.getValue().tax);
        }
    }

    public Map<Key, Cell> cells() {
        if (cells == null) {
            TreeMap<Key, Cell> sorted = new TreeMap<>();
            for (var e : byParts.entrySet()) {
                Probe k = e.getKey();
                Key key = new Key(LedgerLine.monthLabel(k.month), k.account,
                        k.market == null ? "" : k.market, k.billable.code(), k.type.code(), k.currency);
                // Distinct parts can print alike (a null and an empty market): their cells add up, as before.
                Cell into = sorted.computeIfAbsent(key, x -> new Cell());
                into.messages += e.getValue().messages;
                into.units = Money.add(into.units, e.getValue().units);
                into.fee = Money.add(into.fee, e.getValue().fee);
                into.tax = Money.add(into.tax, e.getValue().tax);
            }
            cells = sorted;
        }
        return cells;
    }

    /** A summary key as the engine's parts; one instance is reused to look cells up. */
    private static final class Probe {
        int month;
        String account;
        String market;
        BillableCategory billable;
        PricingType type;
        String currency;
        int hash;

        void set(int month, String account, String market, BillableCategory billable, PricingType type, String currency) {
            this.month = month;
            this.account = account;
            this.market = market;
            this.billable = billable;
            this.type = type;
            this.currency = currency;
            int h = month;
            h = 31 * h + Objects.hashCode(account);
            h = 31 * h + Objects.hashCode(market);
            h = 31 * h + billable.ordinal();
            h = 31 * h + type.ordinal();
            h = 31 * h + Objects.hashCode(currency);
            this.hash = h;
        }

        Probe copy() {
            Probe p = new Probe();
            p.set(month, account, market, billable, type, currency);
            return p;
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) {
            if (!(o instanceof Probe)) return false;
            Probe p = (Probe) o;
            return month == p.month && billable == p.billable && type == p.type && Objects.equals(account, p.account)
                    && Objects.equals(market, p.market) && Objects.equals(currency, p.currency);
        }
    }

    /** Total amount per currency, in units. */
    public Map<String, Long> totals() {
        Map<String, Long> t = new TreeMap<>();
        for (var e : cells().entrySet()) t.merge(e.getKey().currency(), e.getValue().units, Money::add);
        return t;
    }

    /** Messages per pricing type. */
    public Map<String, Long> messagesByType() {
        Map<String, Long> t = new TreeMap<>();
        for (var e : cells().entrySet()) t.merge(e.getKey().type(), e.getValue().messages, Long::sum);
        return t;
    }

    /** The largest amounts grouped by a part of the key (market, billable category…), biggest first. */
    public List<Map.Entry<String, Long>> top(java.util.function.Function<Key, String> part, String currency, int n) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (var e : cells().entrySet())
            if (e.getKey().currency().equals(currency) && e.getValue().units != 0)
                sums.merge(part.apply(e.getKey()), e.getValue().units, Money::add);
        List<Map.Entry<String, Long>> list = new ArrayList<>(sums.entrySet());
        list.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return list.subList(0, Math.min(n, list.size()));
    }

    /** The rows of {@code summary.csv}, in the file's order (by key). */
    public List<SummaryRow> rows() {
        Map<Key, Cell> sorted = cells();
        List<SummaryRow> rows = new ArrayList<>(sorted.size());
        for (var e : sorted.entrySet()) {
            Key k = e.getKey();
            rows.add(new SummaryRow(k.month(), k.account(), k.market(), k.billable(), k.type(), e.getValue().messages,
                    Money.toDecimal(e.getValue().units), k.currency()));
        }
        return rows;
    }

    public void write(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        List<String> header = new ArrayList<>(COLUMNS);
        if (surcharges != null) header.addAll(LedgerWriter.SURCHARGE_COLUMNS);
        csv.row(header.toArray(new String[0]));
        for (var e : cells().entrySet()) {
            Key k = e.getKey();
            Cell c = e.getValue();
            csv.raw(k.month()).text(k.account()).text(k.market()).raw(k.billable()).raw(k.type())
                    .number(c.messages).raw(LedgerFormat.amount(c.units)).raw(k.currency());
            if (surcharges != null)
                csv.raw(LedgerFormat.amount(c.fee)).raw(LedgerFormat.amount(c.tax))
                        .raw(LedgerFormat.amount(Money.add(Money.add(c.units, c.fee), c.tax)));
            csv.endRow();
        }
        csv.close();
    }

    /** Meta's amount, fees, tax and the total paid per local month and currency, in units. */
    public record Bill(String month, String currency, long meta, long fee, long tax) {
        public long total() { return Money.add(Money.add(meta, fee), tax); }
    }

    /** The bill as paid, per month and currency (fee and tax are 0 without --fees and --tax). */
    public List<Bill> bills() {
        Map<List<String>, long[]> sums = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0)) ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
        for (var e : cells().entrySet()) {
            long[] s = sums.computeIfAbsent(List.of(e.getKey().month(), e.getKey().currency()), k -> new long[3]);
            s[0] = Money.add(s[0], e.getValue().units);
            s[1] = Money.add(s[1], e.getValue().fee);
            s[2] = Money.add(s[2], e.getValue().tax);
        }
        List<Bill> bills = new ArrayList<>();
        for (var e : sums.entrySet())
            bills.add(new Bill(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        return bills;
    }
}
