package io.wabill.report.xlsx;

import java.nio.file.Path;

/**
 * A CSV file to become a sheet. {@code rows} is its data row count when known (the ledger: it decides whether the
 * sheet fits Excel's row limit without reading the file twice), or -1 to count while reading. {@code csv} is the
 * file read (where a run staged it), {@code published} where the user finds it, named by a sheet too long for Excel.
 */
public record SheetSource(String sheet, Path csv, long rows, Path published) {
    public SheetSource(String sheet, Path csv) { this(sheet, csv, -1); }

    public SheetSource(String sheet, Path csv, long rows) { this(sheet, csv, rows, csv); }
}
