package io.wabill.app;

import io.wabill.report.OutputSet;
import io.wabill.report.xlsx.RunWorkbooks;
import io.wabill.report.xlsx.WorkbookWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * {@code --xlsx FILE}: the run's tables as one Excel workbook, a member of the run's output set like every other file.
 * Its target is checked with the others before the first byte ({@link #prepare}); it is built, once the CSV files are
 * complete, from those files where the run staged them ({@link #write}), and published with them at the commit, named
 * in {@code run.json}, and removed by a later run into the same folders that no longer writes it.
 */
public final class RunWorkbook {
    /** Which run wrote the tables. */
    public enum Kind { SIMULATION, COMPARISON, FORECAST, BACKTEST }

    private final Kind kind;
    private final Path file;

    public RunWorkbook(Kind kind, Path file) {
        this.kind = kind;
        this.file = file;
    }

    public Path file() { return file; }

    /** Claims the target before the run writes anything: not a folder, not a name another output of the run takes. */
    public void prepare(OutputSet outputs) throws IOException {
        outputs.claim(file, "--xlsx");
    }

    /** Writes the workbook into the output set from the closed CSV files of its folder; the caller commits. */
    public void write(OutputSet outputs) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        RunWorkbooks.Tables tables = new RunWorkbooks.Tables() {
            @Override public Path read(String name) { return outputs.written(outputs.path().resolve(name)); }

            @Override public Path published(String name) { return outputs.path().resolve(name); }
        };
        WorkbookWriter writer = new WorkbookWriter();
        try (OutputStream out = outputs.folder(abs.getParent()).openBinary(abs.getFileName().toString())) {
            switch (kind) {
                case SIMULATION -> RunWorkbooks.simulation(tables, out, writer);
                case COMPARISON -> RunWorkbooks.comparison(tables, out, writer);
                case FORECAST -> RunWorkbooks.forecast(tables, out, writer);
                case BACKTEST -> RunWorkbooks.backtest(tables, out, writer);
            }
        }
    }
}
