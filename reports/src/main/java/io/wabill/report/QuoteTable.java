package io.wabill.report;

import io.wabill.sim.money.Money;
import io.wabill.sim.quote.QuoteLine;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code quote.csv}: one row per month × market × category priced, in the order asked, with free and charged
 * messages (conversations in a month under CBP: {@code unit}), the exact amount, the regime and card used, the bands and how many messages each took, and the rule and
 * assumption behind the free share ({@code basis}).
 */
public final class QuoteTable {
    public static final List<String> COLUMNS = List.of("month", "market", "category", "messages", "unit", "free", "charged",
            "amount", "currency", "regime", "rate_card", "bands", "basis");

    private QuoteTable() {}

    public static void write(Writer out, CsvDialect dialect, List<QuoteLine> lines) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
        for (QuoteLine l : lines) {
            csv.raw(l.month().toString()).text(l.market()).raw(l.category().code()).number(l.messages()).raw(l.unit()).number(l.free())
                    .number(l.charged()).raw(LedgerFormat.amount(l.units())).raw(l.currency()).raw(l.regime().label())
                    .raw(l.rateCard()).text(l.bands()).text(l.basis());
            csv.endRow();
        }
        csv.close();
    }

    /** Total per month and currency (exact units), in month order. */
    public static Map<String, Long> totals(List<QuoteLine> lines) {
        Map<String, Long> t = new TreeMap<>();
        for (QuoteLine l : lines) t.merge(l.month() + " " + l.currency(), l.units(), Money::add);
        return t;
    }
}
