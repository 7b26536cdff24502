package io.wabill.report;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * {@code templates.csv}: where the money goes by template, as Meta's template analytics show spend per template.
 * One row per template name × category (as sent) × currency: the business template messages in the ledger (every
 * outcome), those charged ({@code regular}) and their amount. Sorted by amount, largest first, then by name, so the
 * costliest templates lead. Messages sent free-form (not as a template) are not in it; a template without a name
 * in the log has an empty {@code template} cell. The amounts add up to the ledger's template charges exactly.
 */
public final class TemplateTable implements LedgerSink {
    public static final List<String> COLUMNS = List.of("template", "category", "messages", "charged", "amount", "currency");

    /** One row as written. */
    public record Row(String template, String category, long messages, long charged, long units, String currency) {}

    private static final class Cell {
        long messages;
        long charged;
        long units;
    }

    private final HashMap<Probe, Cell> cells = new HashMap<>();
    private final Probe probe = new Probe();

    @Override public void accept(LedgerLine l) {
        if (l.message().isInbound() || l.message().kind() != MessageKind.TEMPLATE) return;
        Probe p = probe;
        p.set(l.message().template(), l.message().category(), l.currency());
        Cell c = cells.get(p);
        if (c == null) {
            c = new Cell();
            cells.put(p.copy(), c);
        }
        c.messages++;
        if (l.type() == PricingType.REGULAR) c.charged++;
        c.units = Money.add(c.units, l.amountUnits());
    }

    /** Adds another table's rows (a portfolio priced on another lane). */
    public void addAll(TemplateTable other) {
        for (var e : other.cells.entrySet()) {
            Cell c = cells.computeIfAbsent(e.getKey(), k -> new Cell());
            c.messages += e.getValue().messages;
            c.charged += e.getValue().charged;
            c.units = Money.add(c.units, e.getValue().units);
        }
    }

    /** The rows in the file's order: amount descending, then template, category and currency. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>(cells.size());
        for (var e : cells.entrySet()) {
            Probe k = e.getKey();
            rows.add(new Row(k.template == null ? "" : k.template, k.category == null ? "" : k.category.code(),
                    e.getValue().messages, e.getValue().charged, e.getValue().units, k.currency == null ? "" : k.currency));
        }
        rows.sort(Comparator.comparingLong(Row::units).reversed().thenComparing(Row::template)
                .thenComparing(Row::category).thenComparing(Row::currency));
        return rows;
    }

    public void write(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
        for (Row r : rows()) cells(csv, r);
        csv.close();
    }

    /** A table and the cells that start each of its rows in a combined file. */
    public record Prefixed(List<String> prefix, TemplateTable table) {}

    /** Several tables in one file (compare: one per scenario), each row led by its table's prefix cells. */
    public static void writeCombined(Writer out, CsvDialect dialect, List<String> prefixColumns, List<Prefixed> tables)
            throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        List<String> header = new ArrayList<>(prefixColumns);
        header.addAll(COLUMNS);
        csv.row(header.toArray(new String[0]));
        for (Prefixed t : tables)
            for (Row r : t.table().rows()) {
                for (String cell : t.prefix()) csv.text(cell);
                cells(csv, r);
            }
        csv.close();
    }

    private static void cells(CsvWriter csv, Row r) throws IOException {
        csv.text(r.template()).raw(r.category()).number(r.messages()).number(r.charged())
                .raw(LedgerFormat.amount(r.units())).raw(r.currency());
        csv.endRow();
    }

    /** A row's key as the engine hands its parts over; one instance is reused to look cells up. */
    private static final class Probe {
        String template;
        TemplateCategory category;
        String currency;
        int hash;

        void set(String template, TemplateCategory category, String currency) {
            this.template = template;
            this.category = category;
            this.currency = currency;
            hash = (Objects.hashCode(template) * 31 + (category == null ? 0 : category.ordinal() + 1)) * 31
                    + Objects.hashCode(currency);
        }

        Probe copy() {
            Probe p = new Probe();
            p.set(template, category, currency);
            return p;
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) {
            return o instanceof Probe p && category == p.category && Objects.equals(template, p.template)
                    && Objects.equals(currency, p.currency);
        }
    }
}
