package io.wabill.app;

import io.wabill.data.rates.CsvFiles;
import io.wabill.report.CsvDialect;
import io.wabill.report.OutputFolder;
import io.wabill.report.OutputSet;
import io.wabill.report.chart.Chart;
import io.wabill.report.chart.ChartStyle;
import io.wabill.report.chart.ChartWriter;
import io.wabill.report.chart.FanChart;
import io.wabill.report.html.HtmlReport;
import io.wabill.report.html.Table;
import io.wabill.sim.strategy.StrategyChain;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fan chart ({@code --charts}) and {@code report.html} ({@code --report}) of a forecast: the chart's P10-P90
 * band and median are the quantiles over the runs of each month's total, and the report's tables are the rows of
 * {@code forecast.csv} and {@code bands.csv} themselves, so a reader and a chart never disagree.
 */
public final class ForecastArtifacts {
    private final Path charts;
    private final Path report;
    private final ChartStyle style;
    private final List<String> commandLine;

    public ForecastArtifacts(Path charts, Path report, ChartStyle style, List<String> commandLine) {
        this.charts = charts;
        this.report = report;
        this.style = style;
        this.commandLine = commandLine;
    }

    /** Checks the targets before the run writes its first byte. */
    public void prepare(OutputSet outputs) throws IOException {
        ChartAndReportTargets.reserve(outputs, charts, report);
    }

    /**
     * Writes what was asked for into the run's output set.
     *
     * @param variation how the runs' parameters vary ({@code ParameterDraws.describe()}), said under the chart
     */
    public void write(ForecastTable table, StrategyChain chain, String variation, OutputSet outputs) throws IOException {
        if (charts == null && report == null) return;
        List<Chart> fans = new ArrayList<>();
        for (String currency : table.currencies()) {
            List<FanChart.Point> points = table.fan(currency);
            if (!points.isEmpty()) fans.add(new FanChart("forecast-" + currency.toLowerCase(java.util.Locale.ROOT), currency, points));
        }
        ChartWriter writer = new ChartWriter(style);
        if (charts != null) writer.write(outputs.folder(charts), fans);
        if (report != null) {
            OutputFolder o = outputs.folder(report);
            HtmlReport html = new HtmlReport("wabill forecast", writer);
            HtmlReport.Section overview = html.section("overview", "Monthly spend")
                    .paragraph("Each run generates its own traffic and is priced message by message by the same engine as "
                            + "simulate; the band is P10 to P90 of each month's total over the runs, the line the median. "
                            + "Each run draws: " + variation + ". The axis starts at zero; each month is labelled with its days.");
            for (Chart c : fans) overview.chart(c);
            StringWriter forecast = new StringWriter(), bands = new StringWriter();
            table.writeForecast(forecast, CsvDialect.UNIX);
            table.writeBands(bands, CsvDialect.UNIX);
            html.section("forecast", "Forecast per month, market and category (forecast.csv)")
                    .table(asTable("forecast-table", "forecast.csv", forecast.toString(), List.of("month", "market", "category", "currency", "band")));
            html.section("bands", "Volume bands reached (bands.csv)")
                    .table(asTable("bands-table", "bands.csv", bands.toString(), List.of("month", "market", "category", "currency", "band", "expected_date")));
            html.section("inputs", "Inputs").facts(List.of(new String[] {"command", String.join(" ", commandLine)},
                    new String[] {"strategy", chain.spec()}, new String[] {"runs vary by", variation}));
            try (Writer w = o.open("report.html")) {
                html.write(w);
            }
        }
    }

    /** A report table from a CSV the run writes: every column but the named text ones is a number. */
    private static Table asTable(String id, String caption, String csv, List<String> textColumns) throws IOException {
        CsvFiles.Table t = CsvFiles.read(new StringReader(csv));
        List<String> numeric = t.header().stream().filter(c -> !textColumns.contains(c)).toList();
        Table table = new Table(id, caption, t.header(), numeric);
        for (CsvFiles.Row r : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (String c : t.header()) cells.add(r.get(c));
            table.row(cells);
        }
        return table;
    }
}
