package io.wabill.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Which CSV files of a finished run become which sheets, and what the totals pivot sums: the workbook is built from
 * the files the run wrote, so a sheet and its CSV never disagree. The files are read where the run staged them
 * ({@link Tables}), so the workbook is written before the run's output set commits and is published with it.
 */
public final class RunWorkbooks {
    private RunWorkbooks() {}

    /** The CSV files of a run, by name ({@code summary.csv}). */
    public interface Tables {
        /** The file to read for {@code name}, or null when the run did not write it. */
        Path read(String name);

        /** Where {@code name} is published, for a sheet that says where its whole table is. */
        Path published(String name);

        /** The files of a folder as they are (a finished run's {@code --out}). */
        static Tables in(Path dir) {
            return new Tables() {
                @Override public Path read(String name) {
                    Path p = dir.resolve(name);
                    return Files.isRegularFile(p) ? p : null;
                }

                @Override public Path published(String name) { return dir.resolve(name); }
            };
        }
    }

    /** simulate: amount per local month and billable category, then summary, daily, tiers, accounting, errors, ledger. */
    public static void simulation(Tables t, OutputStream xlsx, WorkbookWriter writer) throws IOException {
        Pivot totals = new Pivot("Amount per local month and billable category", required(t, "summary.csv"),
                "month", "billable_category", "amount");
        List<SheetSource> sheets = new ArrayList<>();
        for (String name : List.of("summary", "daily", "tiers", "accounting")) add(sheets, t, name);
        Path accounting = t.read("accounting.csv");
        long skipped = accountingItem(accounting, "rows_skipped");
        if (skipped > 0) add(sheets, t, "errors");
        Path ledger = t.read("ledger.csv");
        if (ledger != null)
            sheets.add(new SheetSource("ledger", ledger, accountingItem(accounting, "ledger_rows"), t.published("ledger.csv")));
        writer.write(xlsx, totals, sheets);
    }

    /** compare: amount per scenario and local month, then the ranking, the comparison and any scenario ledgers. */
    public static void comparison(Tables t, OutputStream xlsx, WorkbookWriter writer) throws IOException {
        Pivot totals = new Pivot("Amount per scenario and local month", required(t, "comparison.csv"),
                "scenario", "month", "amount");
        List<SheetSource> sheets = new ArrayList<>();
        add(sheets, t, "scenarios");
        add(sheets, t, "comparison");
        long scenarios = WorkbookWriter.countRows(required(t, "scenarios.csv"));
        for (int i = 1; i <= scenarios; i++) add(sheets, t, "ledger-" + i);
        writer.write(xlsx, totals, sheets);
    }

    /** forecast: mean spend per local month and category, then forecast, bands and runs. */
    public static void forecast(Tables t, OutputStream xlsx, WorkbookWriter writer) throws IOException {
        writer.write(xlsx, forecastTotals(t), sheets(t, "forecast", "bands", "runs"));
    }

    /**
     * forecast --backtest: the forecast's mean spend per month and category, then the comparison with the log
     * (backtest, backtest-summary), the forecast and the runs.
     */
    public static void backtest(Tables t, OutputStream xlsx, WorkbookWriter writer) throws IOException {
        writer.write(xlsx, forecastTotals(t), sheets(t, "backtest", "backtest-summary", "forecast", "runs"));
    }

    private static Pivot forecastTotals(Tables t) throws IOException {
        return new Pivot("Mean spend over the runs per local month and billable category",
                required(t, "forecast.csv"), "month", "category", "spend_mean");
    }

    private static List<SheetSource> sheets(Tables t, String... names) {
        List<SheetSource> sheets = new ArrayList<>();
        for (String name : names) add(sheets, t, name);
        return sheets;
    }

    private static Path required(Tables t, String name) throws IOException {
        Path p = t.read(name);
        if (p == null) throw new IOException("the run wrote no " + name + " to build the workbook from");
        return p;
    }

    private static void add(List<SheetSource> sheets, Tables t, String name) {
        Path csv = t.read(name + ".csv");
        if (csv != null) sheets.add(new SheetSource(name, csv, -1, t.published(name + ".csv")));
    }

    /** A row of accounting.csv ({@code item,rows}), or -1 when the file (null: not written) or the item is missing. */
    static long accountingItem(Path accounting, String item) throws IOException {
        if (accounting == null || !Files.isRegularFile(accounting)) return -1;
        try (Reader r = Files.newBufferedReader(accounting, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().get().parse(r)) {
            for (CSVRecord rec : p) if (rec.size() == 2 && rec.get(0).equals(item)) return Long.parseLong(rec.get(1));
        }
        return -1;
    }
}
