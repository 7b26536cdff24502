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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The files a run writes for people besides its CSV: charts ({@code --charts}), {@code report.html}
 * ({@code --report}) and the FOCUS export ({@code --focus}). Each goes into its own output set, renamed only with
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

    boolean wantsFocus() { return focus != null; }

    public boolean isEmpty() { return charts == null && report == null && focus == null; }

    /** Writes what was asked for and returns the output sets to commit with the run's own. */
    public List<OutputSet> write(SimulationRun.Result r) throws IOException {
        List<OutputSet> sets = new ArrayList<>();
        try {
            if (focus != null) {
                Path abs = focus.toAbsolutePath();
                OutputSet o = new OutputSet(abs.getParent());
                sets.add(o);
                try (Writer w = o.open(abs.getFileName().toString())) {
                    r.tables().focus().write(w, dialect);
                }
                // FOCUS 1.2 metadata (column types, schema id) beside the export, e.g. focus.metadata.json.
                try (Writer w = o.open(FocusMetadata.fileNameFor(abs.getFileName().toString()))) {
                    String v = RunArtifacts.class.getPackage().getImplementationVersion();
                    FocusMetadata.write(w, v == null ? "0.1.0-SNAPSHOT" : v);
                }
            }
            if (charts == null && report == null) return sets;
            ChartWriter writer = new ChartWriter(style);
            List<Chart> list = RunCharts.of(r.summary().rows(), r.tables().daily().rows(), r.tables().tiers().rows(),
                    topMarkets);
            if (charts != null) {
                OutputSet o = new OutputSet(charts);
                sets.add(o);
                writer.write(o, list);
            }
            if (report != null) {
                OutputSet o = new OutputSet(report);
                sets.add(o);
                try (Writer w = o.open("report.html")) {
                    SimulationReport.build(title, r.summary().rows(), r.tables().templates().rows(),
                            r.summary().surcharges() == null ? List.of() : r.summary().bills(),
                            r.tables().tiers().rows(), list, inputs.apply(r),
                            new SimulationReport.Accounting(r.rowsIn(), r.ledgerRows(), r.rowsMerged(), r.rowsSkipped()),
                            writer).write(w);
                }
            }
            return sets;
        } catch (IOException | RuntimeException e) {
            for (OutputSet o : sets) o.abort();
            throw e;
        }
    }
}
