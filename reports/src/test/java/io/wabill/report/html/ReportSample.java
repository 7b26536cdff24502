package io.wabill.report.html;

import io.wabill.report.Fixture;
import io.wabill.report.RunTables;
import io.wabill.report.SummaryTable;
import io.wabill.report.chart.ChartStyle;
import io.wabill.report.chart.ChartWriter;
import io.wabill.report.chart.RunCharts;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/** A report of the fixture run whose account name is markup, to show that every text is escaped. */
final class ReportSample {
    static final String HOSTILE = "<script>alert('x')</script> & \"co\"";

    private ReportSample() {}

    static String html() throws IOException {
        Fixture f = Fixture.standard(HOSTILE);
        SummaryTable summary = new SummaryTable();
        RunTables tables = new RunTables(f.accounts, f.catalog, false);
        f.run(summary, tables);
        var charts = RunCharts.of(summary.rows(), tables.daily().rows(), tables.tiers().rows(), 8);
        RunInputs inputs = new RunInputs("wabill simulate log.csv --report out", List.of(new RunInputs.LogFile("log.csv", 1234)),
                "test cards", List.of(new RunInputs.CardUse("USD@2026-10-01", "2026-10-01", "test card", "complete",
                "made by the test <b>bold</b>", 9, "2026-10-01", "2026-10-04")),
                List.of(new RunInputs.RegimeUse("PMP-26", 9, "2026-10-01", "2026-10-04")),
                List.<String[]>of(new String[] {"--fep-window", "PT72H"}),
                List.of(new RunInputs.AccountInfo(HOSTILE, "America/Sao_Paulo", "USD", "BR", "", "portfolio-1")));
        HtmlReport report = SimulationReport.build("Report of " + HOSTILE, summary.rows(), tables.templates().rows(),
                tables.tiers().rows(), charts,
                inputs, new SimulationReport.Accounting(12, 11, 1, 0), new ChartWriter(new ChartStyle(700, 400)));
        StringWriter out = new StringWriter();
        report.write(out);
        return out.toString();
    }
}
