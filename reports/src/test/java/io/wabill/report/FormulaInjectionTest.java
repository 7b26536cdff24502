package io.wabill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.report.focus.FocusTable;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each writer neutralizes text cells a spreadsheet would run as a formula (CSV injection): a cell starting with
 * {@code = + - @}, a tab or a carriage return is read back, with Commons CSV, with a leading apostrophe.
 */
class FormulaInjectionTest {
    private static final String PAYLOAD = "cmd|' /C calc'!A0";

    /** A run whose account and portfolio (text from the accounts file) start with the prefix. */
    private static Fixture hostile(String prefix) {
        return Fixture.standard(prefix + PAYLOAD, prefix + "portfolio");
    }

    private static void assertNeutralized(String prefix, List<List<String>> rows, String column) {
        int i = rows.get(0).indexOf(column);
        assertTrue(i >= 0, column);
        assertTrue(rows.size() > 1, "rows written");
        for (List<String> r : rows.subList(1, rows.size())) {
            String cell = r.get(i);
            assertTrue(cell.startsWith("'" + prefix), column + " was '" + cell + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void ledgerNeutralizesAccountAndTemplate(String prefix) throws IOException {
        Fixture f = hostile(prefix);
        StringWriter out = new StringWriter();
        try (LedgerWriter w = new LedgerWriter(out, CsvDialect.EXCEL, null)) {
            f.run(w);
        }
        List<List<String>> rows = Csv.read(out.toString());
        assertNeutralized(prefix, rows, "account");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void summaryDailyTiersAndFocusNeutralizeAccountsAndPortfolios(String prefix) throws IOException {
        Fixture f = hostile(prefix);
        SummaryTable summary = new SummaryTable();
        RunTables tables = new RunTables(f.accounts, f.catalog, true);
        f.run(summary, tables);
        StringWriter s = new StringWriter(), d = new StringWriter(), t = new StringWriter(), fo = new StringWriter();
        summary.write(s, CsvDialect.EXCEL);
        tables.daily().write(d, CsvDialect.EXCEL);
        tables.tiers().write(t, CsvDialect.EXCEL);
        tables.focus().write(fo, CsvDialect.EXCEL);
        assertNeutralized(prefix, Csv.read(s.toString()), "account");
        assertNeutralized(prefix, Csv.read(d.toString()), "account");
        assertNeutralized(prefix, Csv.read(t.toString()), "portfolio");
        List<List<String>> focus = Csv.read(fo.toString());
        assertNeutralized(prefix, focus, "SubAccountId");
        assertNeutralized(prefix, focus, "BillingAccountId");
        assertEquals(FocusTable.COLUMNS, focus.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void errorsNeutralizeFileColumnValueAndReason(String prefix) throws IOException {
        StringWriter out = new StringWriter();
        ErrorsWriter.write(out, CsvDialect.RFC4180, List.of(new ErrorsWriter.Entry(prefix + "f.csv", 3, prefix + "col",
                prefix + "value", prefix + "reason")));
        List<List<String>> rows = Csv.read(out.toString());
        assertEquals(List.of("'" + prefix + "f.csv", "3", "'" + prefix + "col", "'" + prefix + "value",
                "'" + prefix + "reason"), rows.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void accountingNeutralizesItsLabels(String prefix) throws IOException {
        StringWriter out = new StringWriter();
        AccountingWriter.write(out, CsvDialect.UNIX, List.of(new AccountingWriter.Item(prefix + "rows_in", 5)));
        assertEquals(List.of("'" + prefix + "rows_in", "5"), Csv.read(out.toString()).get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "1", "'x", " =x"})
    void harmlessCellsAreLeftAlone(String value) {
        assertEquals(value, CsvCells.text(value));
        assertFalse(CsvCells.text(value).startsWith("''"));
    }
}
