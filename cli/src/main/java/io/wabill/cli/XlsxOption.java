package io.wabill.cli;

import io.wabill.report.xlsx.RunWorkbooks;
import io.wabill.report.xlsx.WorkbookWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --xlsx FILE} of simulate, compare and forecast: the run's tables as one Excel workbook, built from the CSV
 * files the run wrote once they are complete (a totals pivot first, then a sheet per CSV with typed cells).
 */
public final class XlsxOption {
    @Option(names = "--xlsx", paramLabel = "FILE",
            description = "also write the tables as an Excel workbook: a totals sheet first, then one sheet per CSV "
                    + "with numbers, dates and text typed (phone numbers stay text) and frozen headers")
    Path xlsx;

    /** What kind of run wrote the CSV files. */
    enum Kind { SIMULATION, COMPARISON, FORECAST }

    void write(Kind kind, Path outDir, PrintWriter out) throws IOException {
        if (xlsx == null) return;
        WorkbookWriter writer = new WorkbookWriter();
        switch (kind) {
            case SIMULATION -> RunWorkbooks.simulation(outDir, xlsx, writer);
            case COMPARISON -> RunWorkbooks.comparison(outDir, xlsx, writer);
            case FORECAST -> RunWorkbooks.forecast(outDir, xlsx, writer);
        }
        out.println("Workbook: " + xlsx);
        out.flush();
    }
}
