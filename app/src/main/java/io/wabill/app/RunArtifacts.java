package io.wabill.app;

import io.wabill.report.OutputSet;
import io.wabill.report.chart.Chart;
import io.wabill.report.chart.ChartStyle;
import io.wabill.report.chart.ChartWriter;
import io.wabill.report.chart.RunCharts;
import io.wabill.report.CsvDialect;
import io.wabill.report.html.RunInputs;
import io.wabill.report.html.SimulationReport;
import io.wabill.report.focus.FocusMetadata;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The files a run writes for people besides its CSV: charts ({@code --charts}), {@code report.html}
 * ({@code --report}), the FOCUS export ({@code --focus}) and the workbook ({@code --xlsx}). They go into the run's output set, published only with
 * the run's other files.
 */
public final class RunArtifacts {
    private final Path charts;
    private final Path report;
    private final Path focus;
    private final ChartStyle style;
    private final int topMarkets;
    private final CsvDialect dialect;
    private final String title;
    private final Function<SimulationRun.Result, RunInputs> inputs;
    private RunWorkbook workbook;

    public RunArtifacts(Path charts, Path report, Path focus, ChartStyle style, int topMarkets, CsvDialect dialect, String title,
                 Function<SimulationRun.Result, RunInputs> inputs) {
        this.charts = charts;
        this.report = report;
        this.focus = focus;
        this.style = style;
        this.topMarkets = topMarkets;
        this.dialect = dialect;
        this.title = title;
        this.inputs = inputs;
    }

    /** Adds the workbook ({@code --xlsx}), built last from the run's CSV files; null for none. */
    public RunArtifacts withWorkbook(RunWorkbook w) {
        this.workbook = w;
        return this;
    }

    boolean wantsFocus() { return focus != null; }

    public boolean isEmpty() { return charts == null && report == null && focus == null && workbook == null; }

    /** Checks every target before the run writes its first byte (a --focus file that is a folder, …). */
    public void prepare(OutputSet outputs) throws IOException {
        if (focus != null) {
            outputs.claim(focus, "--focus");
            Path abs = focus.toAbsolutePath();
            outputs.claim(abs.resolveSibling(FocusMetadata.fileNameFor(abs.getFileName().toString())), "the FOCUS metadata");
        }
        ChartAndReportTargets.reserve(outputs, charts, report);
        if (workbook != null) workbook.prepare(outputs);
    }

    /** Writes what was asked for into the run's output set, published with the run's other files. */
    public void write(SimulationRun.Result r, OutputSet outputs) throws IOException {
        if (focus != null) {
            Path abs = focus.toAbsolutePath();
            try (Writer w = outputs.folder(abs.getParent()).open(abs.getFileName().toString())) {
                r.tables().focus().write(w, dialect);
            }
            // FOCUS 1.2 metadata (column types, schema id) beside the export, e.g. focus.metadata.json.
            try (Writer w = outputs.folder(abs.getParent()).open(FocusMetadata.fileNameFor(abs.getFileName().toString()))) {
                String v = RunArtifacts.class.getPackage().getImplementationVersion();
                FocusMetadata.write(w, v == null ? "0.1.0-SNAPSHOT" : v);
            }
        }
        if (charts != null || report != null) writeChartsAndReport(r, outputs);
        // Last: the workbook reads the run's CSV files, all closed by now.
        if (workbook != null) workbook.write(outputs);
    }

    private void writeChartsAndReport(SimulationRun.Result r, OutputSet outputs) throws IOException {
        ChartWriter writer = new ChartWriter(style);
        List<Chart> list = RunCharts.of(r.summary().rows(), r.tables().daily().rows(), r.tables().tiers().rows(),
                topMarkets);
        if (charts != null) writer.write(outputs.folder(charts), list);
        if (report != null) {
            try (Writer w = outputs.folder(report).open("report.html")) {
                SimulationReport.build(title, r.summary().rows(), r.tables().templates().rows(),
                        r.summary().surcharges() == null ? List.of() : r.summary().bills(),
                        r.tables().tiers().rows(), list, inputs.apply(r),
                        new SimulationReport.Accounting(r.rowsIn(), r.ledgerRows(), r.rowsMerged(), r.rowsSkipped()),
                        writer).write(w);
            }
        }
    }
}
