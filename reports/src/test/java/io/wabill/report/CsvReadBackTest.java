package io.wabill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.report.focus.FocusTable;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every CSV wabill writes, read back with Commons CSV, equals the rows that were written, in every dialect. */
class CsvReadBackTest {
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static String written(CsvDialect dialect, Writing w) throws IOException {
        StringWriter out = new StringWriter();
        w.write(out, dialect);
        String text = out.toString();
        assertEquals(dialect.bom(), text.startsWith("\uFEFF"), "BOM of " + dialect);
        String body = text.replace("\r\n", "");
        assertEquals(dialect.lineEnd().equals("\r\n"), !body.contains("\n"), "line ends of " + dialect);
        return text;
    }

    interface Writing {
        void write(StringWriter out, CsvDialect d) throws IOException;
    }

    @ParameterizedTest
    @EnumSource(CsvDialect.class)
    void summaryDailyTiersAndFocusReadBackAsTheirRows(CsvDialect dialect) throws IOException {
        Fixture f = Fixture.standard("acct, \"quoted\"");
        SummaryTable summary = new SummaryTable();
        RunTables tables = new RunTables(f.accounts, f.catalog, true);
        f.run(summary, tables);

        List<List<String>> s = Csv.read(written(dialect, (o, d) -> summary.write(o, d)));
        assertEquals(SummaryTable.COLUMNS, s.get(0));
        List<List<String>> expected = new ArrayList<>();
        for (SummaryRow r : summary.rows())
            expected.add(List.of(r.month(), r.account(), r.market(), r.billableCategory(), r.pricingType(),
                    Long.toString(r.messages()), LedgerFormat.amount(r.amount()), r.currency()));
        assertEquals(expected, s.subList(1, s.size()));

        List<List<String>> daily = Csv.read(written(dialect, (o, d) -> tables.daily().write(o, d)));
        assertEquals(DailyTable.COLUMNS, daily.get(0));
        expected.clear();
        for (DailyRow r : tables.daily().rows())
            expected.add(List.of(r.day(), r.account(), r.billableCategory(), Long.toString(r.messages()),
                    LedgerFormat.amount(r.amount()), r.currency(), r.regime(), r.rateCard()));
        assertEquals(expected, daily.subList(1, daily.size()));
        assertFalse(tables.daily().rows().isEmpty());

        List<List<String>> tiers = Csv.read(written(dialect, (o, d) -> tables.tiers().write(o, d)));
        assertEquals(TierTable.COLUMNS, tiers.get(0));
        expected.clear();
        for (TierRow r : tables.tiers().rows())
            expected.add(List.of(r.month(), r.portfolio(), r.market(), r.family(), r.day(), Long.toString(r.messages()),
                    Long.toString(r.cumulative()), r.band(), r.nextBandFrom(), r.currency(), r.rateCard()));
        assertEquals(expected, tiers.subList(1, tiers.size()));

        List<List<String>> focus = Csv.read(written(dialect, (o, d) -> tables.focus().write(o, d)));
        assertEquals(FocusTable.COLUMNS, focus.get(0));
        assertEquals(tables.focus().rows().size(), focus.size() - 1);
        for (int i = 0; i < tables.focus().rows().size(); i++) {
            var r = tables.focus().rows().get(i);
            List<String> cells = focus.get(i + 1);
            assertEquals(LedgerFormat.amount(r.billedCost()), cells.get(FocusTable.COLUMNS.indexOf("BilledCost")));
            assertEquals(r.account(), cells.get(FocusTable.COLUMNS.indexOf("SubAccountId")));
            assertEquals(FocusTable.instant(r.chargeStart()), cells.get(FocusTable.COLUMNS.indexOf("ChargePeriodStart")));
            assertEquals(Long.toString(r.quantity()), cells.get(FocusTable.COLUMNS.indexOf("PricingQuantity")));
        }
    }

    @ParameterizedTest
    @EnumSource(CsvDialect.class)
    void ledgerReadsBackWithOneRowPerLineAndPlainDecimals(CsvDialect dialect) throws IOException {
        Fixture f = Fixture.standard("acct");
        List<String> amounts = new ArrayList<>();
        StringWriter out = new StringWriter();
        LedgerWriter ledger = new LedgerWriter(out, dialect, null);
        f.run(ledger, line -> amounts.add(LedgerFormat.amount(line.amountUnits())));
        ledger.close();
        List<List<String>> rows = Csv.read(out.toString());
        assertEquals(LedgerFormat.COLUMNS, rows.get(0));
        assertEquals(amounts.size(), rows.size() - 1);
        int amount = LedgerFormat.COLUMNS.indexOf("amount"), rate = LedgerFormat.COLUMNS.indexOf("rate");
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(amounts.get(i - 1), rows.get(i).get(amount));
            assertTrue(PLAIN_DECIMAL.matcher(rows.get(i).get(amount)).matches(), rows.get(i).get(amount));
            String r = rows.get(i).get(rate);
            assertTrue(r.isEmpty() || PLAIN_DECIMAL.matcher(r).matches(), r);
        }
    }

    @ParameterizedTest
    @EnumSource(CsvDialect.class)
    void errorsAndAccountingReadBackAsWritten(CsvDialect dialect) throws IOException {
        List<ErrorsWriter.Entry> errors = List.of(new ErrorsWriter.Entry("log.csv", 7, "timestamp", "yesterday, 9am",
                "not an instant: \"yesterday\""));
        List<List<String>> e = Csv.read(written(dialect, (o, d) -> ErrorsWriter.write(o, d, errors)));
        assertEquals(List.of(ErrorsWriter.COLUMNS, List.of("log.csv", "7", "timestamp", "yesterday, 9am",
                "not an instant: \"yesterday\"")), e);
        List<List<String>> a = Csv.read(written(dialect, (o, d) -> AccountingWriter.write(o, d,
                AccountingWriter.items(10, 7, 2, 1))));
        assertEquals(List.of(List.of("item", "rows"), List.of("rows_in", "10"), List.of("ledger_rows", "7"),
                List.of("status_rows_merged", "2"), List.of("rows_skipped", "1")), a);
    }
}
