package io.wabill.report;

import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code comparison.csv}: one row per scenario × local month × market × billable category × currency, with
 * messages, charged messages, amount, and the delta to the scenario's baseline (as-logged under the same rules)
 * on the same key. Built from each
 * scenario's {@link SummaryTable}, so it agrees with their summaries to the last digit. Customers' own
 * messages (inbound) are left out: they are the same in every scenario.
 */
public final class ComparisonTable {
    public static final List<String> COLUMNS = List.of("scenario", "month", "market", "billable_category", "currency",
            "messages", "charged_messages", "amount", "baseline_amount", "delta", "delta_pct");

    /** The aggregate of one key in one scenario. */
    public static final class Cell {
        long messages;
        long charged;
        long units;

        public long messages() { return messages; }

        public long charged() { return charged; }

        public long units() { return units; }
    }

    /** month, market, billable category, currency. */
    public record Key(String month, String market, String billable, String currency) implements Comparable<Key> {
        @Override public int compareTo(Key o) {
            int c = month.compareTo(o.month);
            if (c == 0) c = market.compareTo(o.market);
            if (c == 0) c = billable.compareTo(o.billable);
            if (c == 0) c = currency.compareTo(o.currency);
            return c;
        }
    }

    private final List<String> names = new ArrayList<>();
    private final List<Map<Key, Cell>> tables = new ArrayList<>();
    private final List<Integer> baselines = new ArrayList<>();

    /** Adds a scenario whose baseline is the first one added. */
    public void add(String name, SummaryTable summary) { add(name, summary, 0); }

    /** Adds a scenario whose delta is taken against scenario {@code baseline} (itself, or one added before). */
    public void add(String name, SummaryTable summary, int baseline) {
        if (baseline < 0 || baseline > tables.size())
            throw new IllegalArgumentException("baseline " + baseline + " is not a scenario added before " + name);
        Map<Key, Cell> t = new TreeMap<>();
        for (Map.Entry<SummaryTable.Key, SummaryTable.Cell> e : summary.cells().entrySet()) {
            SummaryTable.Key k = e.getKey();
            if (k.type().equals("inbound")) continue;
            Cell c = t.computeIfAbsent(new Key(k.month(), k.market(), k.billable(), k.currency()), x -> new Cell());
            c.messages += e.getValue().messages();
            if (k.type().equals("regular")) c.charged += e.getValue().messages();
            c.units = Money.add(c.units, e.getValue().units());
        }
        names.add(name);
        tables.add(t);
        baselines.add(baseline);
    }

    /** The index of a scenario's baseline. */
    public int baseline(int scenario) { return baselines.get(scenario); }

    /** A scenario's cells. */
    public Map<Key, Cell> cells(int scenario) { return tables.get(scenario); }

    /** Total amount per currency of a scenario, in units. */
    public Map<String, Long> totals(int scenario) {
        Map<String, Long> t = new TreeMap<>();
        for (var e : tables.get(scenario).entrySet()) t.merge(e.getKey().currency(), e.getValue().units, Money::add);
        return t;
    }

    /** {@code 100 × delta / base} with two decimals, or empty when the base is zero. */
    public static String percent(long delta, long base) {
        if (base == 0) return "";
        return BigDecimal.valueOf(delta).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_EVEN).toPlainString();
    }

    public void write(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
        Cell empty = new Cell();
        for (int s = 0; s < tables.size(); s++) {
            Map<Key, Cell> t = tables.get(s);
            Map<Key, Cell> base = tables.get(baselines.get(s));
            TreeSet<Key> keys = new TreeSet<>(t.keySet());
            keys.addAll(base.keySet());
            for (Key k : keys) {
                Cell c = t.getOrDefault(k, empty), b = base.getOrDefault(k, empty);
                long delta = Money.subtract(c.units, b.units);
                csv.text(names.get(s)).raw(k.month()).text(k.market()).raw(k.billable()).raw(k.currency())
                        .number(c.messages).number(c.charged).raw(LedgerFormat.amount(c.units))
                        .raw(LedgerFormat.amount(b.units)).raw(LedgerFormat.amount(delta)).raw(percent(delta, b.units));
                csv.endRow();
            }
        }
        csv.close();
    }
}
