package io.wabill.report.xlsx;

import java.io.IOException;
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
 * the files the run wrote, so a sheet and its CSV never disagree.
 */
public final class RunWorkbooks {
    private RunWorkbooks() {}

    /** simulate: amount per local month and billable category, then summary, daily, tiers, accounting, errors, ledger. */
    public static void simulation(Path outDir, Path xlsx, WorkbookWriter writer) throws IOException {
        Pivot totals = new Pivot("Amount per local month and billable category", outDir.resolve("summary.csv"),
                "month", "billable_category", "amount");
        List<SheetSource> sheets = new ArrayList<>();
        for (String name : List.of("summary", "daily", "tiers", "accounting")) add(sheets, outDir, name);
        long skipped = accountingItem(outDir.resolve("accounting.csv"), "rows_skipped");
        if (skipped > 0) add(sheets, outDir, "errors");
        Path ledger = outDir.resolve("ledger.csv");
        if (Files.isRegularFile(ledger))
            sheets.add(new SheetSource("ledger", ledger, accountingItem(outDir.resolve("accounting.csv"), "ledger_rows")));
        writer.write(xlsx, totals, sheets);
    }

    /** compare: amount per scenario and local month, then the ranking, the comparison and any scenario ledgers. */
    public static void comparison(Path outDir, Path xlsx, WorkbookWriter writer) throws IOException {
        Pivot totals = new Pivot("Amount per scenario and local month", outDir.resolve("comparison.csv"),
                "scenario", "month", "amount");
        List<SheetSource> sheets = new ArrayList<>();
        add(sheets, outDir, "scenarios");
        add(sheets, outDir, "comparison");
        long scenarios = WorkbookWriter.countRows(outDir.resolve("scenarios.csv"));
        for (int i = 1; i <= scenarios; i++) add(sheets, outDir, "ledger-" + i);
        writer.write(xlsx, totals, sheets);
    }

    /** forecast: mean spend per local month and category, then forecast, bands and runs. */
    public static void forecast(Path outDir, Path xlsx, WorkbookWriter writer) throws IOException {
        Pivot totals = new Pivot("Mean spend over the runs per local month and billable category",
                outDir.resolve("forecast.csv"), "month", "category", "spend_mean");
        List<SheetSource> sheets = new ArrayList<>();
        for (String name : List.of("forecast", "bands", "runs")) add(sheets, outDir, name);
        writer.write(xlsx, totals, sheets);
    }

    private static void add(List<SheetSource> sheets, Path dir, String name) {
        Path csv = dir.resolve(name + ".csv");
        if (Files.isRegularFile(csv)) sheets.add(new SheetSource(name, csv));
    }

    /** A row of accounting.csv ({@code item,rows}), or -1 when the file or the item is missing. */
    static long accountingItem(Path accounting, String item) throws IOException {
        if (!Files.isRegularFile(accounting)) return -1;
        try (Reader r = Files.newBufferedReader(accounting, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().get().parse(r)) {
            for (CSVRecord rec : p) if (rec.size() == 2 && rec.get(0).equals(item)) return Long.parseLong(rec.get(1));
        }
        return -1;
    }
}
