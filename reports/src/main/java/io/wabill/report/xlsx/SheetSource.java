package io.wabill.report.xlsx;

import java.nio.file.Path;

/**
 * A CSV file to become a sheet. {@code rows} is its data row count when known (the ledger: it decides whether the
 * sheet fits Excel's row limit without reading the file twice), or -1 to count while reading.
 */
public record SheetSource(String sheet, Path csv, long rows) {
    public SheetSource(String sheet, Path csv) { this(sheet, csv, -1); }
}
