package io.wabill.report.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider's price list on top of Meta's: per delivered business message, per billable category or for every
 * category ({@code *}), a fixed fee and/or a percentage of Meta's amount, each row in force from a date (the
 * account's local day) until a later row of the same category and currency. A category's own row wins over
 * {@code *}. Exact decimals throughout.
 */
public final class FeeSchedule {
    /** One row: from {@code from}, messages of {@code category} ("*" for all) in {@code currency} pay this. */
    public record Row(LocalDate from, String category, BigDecimal perMessage, BigDecimal percent, String currency) {}

    /** Every category that has no row of its own. */
    public static final String ANY = "*";

    private final List<Row> rows;
    // currency -> category -> rows by date, newest last
    private final Map<String, Map<String, List<Row>>> index = new HashMap<>();

    public FeeSchedule(List<Row> rows) {
        this.rows = List.copyOf(rows);
        for (Row r : rows)
            index.computeIfAbsent(r.currency(), c -> new HashMap<>()).computeIfAbsent(r.category(), c -> new ArrayList<>()).add(r);
        for (Map<String, List<Row>> byCategory : index.values())
            for (List<Row> list : byCategory.values()) list.sort(Comparator.comparing(Row::from));
    }

    public List<Row> rows() { return rows; }

    /** The row in force for a category and currency on a local day: the category's own, else {@code *}; or null. */
    public Row rowFor(String category, String currency, LocalDate day) {
        Map<String, List<Row>> byCategory = index.get(currency);
        if (byCategory == null) return null;
        Row own = category == null || category.isEmpty() ? null : latest(byCategory.get(category), day);
        return own != null ? own : latest(byCategory.get(ANY), day);
    }

    private static Row latest(List<Row> list, LocalDate day) {
        if (list == null) return null;
        Row found = null;
        for (Row r : list) {
            if (r.from().isAfter(day)) break;
            found = r;
        }
        return found;
    }
}
