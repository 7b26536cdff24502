package io.wabill.cli;

import io.wabill.app.RunWorkbook;
import picocli.CommandLine.Option;

/**
 * {@code --xlsx FILE} of simulate, compare and forecast: the run's tables as one Excel workbook, built from the CSV
 * files the run wrote once they are complete (a totals pivot first, then a sheet per CSV with typed cells), and
 * published with them as part of the run's output set ({@link RunWorkbook}).
 */
public final class XlsxOption {
    @Option(names = "--xlsx", paramLabel = "FILE",
            description = "also write the tables as an Excel workbook: a totals sheet first, then one sheet per CSV "
                    + "with numbers, dates and text typed (phone numbers stay text) and frozen headers; published "
                    + "with the run's other files and listed in run.json")
    java.nio.file.Path xlsx;

    /** Says where the workbook went (it is also among the files of run.json). */
    static void printWritten(RunWorkbook workbook, java.io.PrintWriter out) {
        if (workbook == null) return;
        out.println("Workbook: " + workbook.file());
        out.flush();
    }

    /** The workbook asked for, or null. */
    RunWorkbook workbook(RunWorkbook.Kind kind) {
        return xlsx == null ? null : new RunWorkbook(kind, xlsx);
    }
}
