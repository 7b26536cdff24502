package io.wabill.report;

import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

        public long messages() { return messages; }

        public long units() { return units; }
    }

    private final TreeMap<Key, Cell> cells = new TreeMap<>();

    @Override public void accept(LedgerLine l) {
        Key key = new Key(l.localMonthLabel(), l.message().account(), l.market() == null ? "" : l.market(),
                l.billable().code(), l.type().code(), l.currency());
        Cell c = cells.computeIfAbsent(key, k -> new Cell());
        c.messages++;
        c.units = Money.add(c.units, l.amountUnits());
    }

    public Map<Key, Cell> cells() { return cells; }

    /** Total amount per currency, in units. */
    public Map<String, Long> totals() {
        Map<String, Long> t = new TreeMap<>();
        for (var e : cells.entrySet()) t.merge(e.getKey().currency(), e.getValue().units, Money::add);
        return t;
    }

    /** Messages per pricing type. */
    public Map<String, Long> messagesByType() {
        Map<String, Long> t = new TreeMap<>();
        for (var e : cells.entrySet()) t.merge(e.getKey().type(), e.getValue().messages, Long::sum);
        return t;
    }

    /** The largest amounts grouped by a part of the key (market, billable category…), biggest first. */
    public List<Map.Entry<String, Long>> top(java.util.function.Function<Key, String> part, String currency, int n) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (var e : cells.entrySet())
            if (e.getKey().currency().equals(currency) && e.getValue().units != 0)
                sums.merge(part.apply(e.getKey()), e.getValue().units, Money::add);
        List<Map.Entry<String, Long>> list = new ArrayList<>(sums.entrySet());
        list.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return list.subList(0, Math.min(n, list.size()));
    }

    /** The rows of {@code summary.csv}, in the file's order (by key). */
    public List<SummaryRow> rows() {
        List<SummaryRow> rows = new ArrayList<>(cells.size());
        for (var e : cells.entrySet()) {
            Key k = e.getKey();
            rows.add(new SummaryRow(k.month(), k.account(), k.market(), k.billable(), k.type(), e.getValue().messages,
                    Money.toDecimal(e.getValue().units), k.currency()));
        }
        return rows;
    }

    public void write(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
        for (SummaryRow r : rows()) {
            csv.raw(r.month()).text(r.account()).text(r.market()).raw(r.billableCategory()).raw(r.pricingType())
                    .number(r.messages()).raw(LedgerFormat.amount(r.amount())).raw(r.currency());
            csv.endRow();
        }
        csv.close();
    }
}
