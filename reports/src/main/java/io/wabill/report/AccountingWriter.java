package io.wabill.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes {@code accounting.csv}: rows in = ledger rows + status rows merged + rows skipped (FORMATS.md section 4). */
public final class AccountingWriter {
    public static final List<String> COLUMNS = List.of("item", "rows");

    /** One line of the accounting. */
    public record Item(String item, long rows) {}

    private AccountingWriter() {}

    /** The four items every run reports, in this order. */
    public static List<Item> items(long rowsIn, long ledgerRows, long merged, long skipped) {
        return List.of(new Item("rows_in", rowsIn), new Item("ledger_rows", ledgerRows),
                new Item("status_rows_merged", merged), new Item("rows_skipped", skipped));
    }

    public static void write(Writer out, CsvDialect dialect, List<Item> items) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
        for (Item i : items) {
            csv.text(i.item()).number(i.rows());
            csv.endRow();
        }
        csv.close();
    }
}
