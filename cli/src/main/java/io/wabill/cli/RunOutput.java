package io.wabill.cli;

import io.wabill.app.SimulationRun;
import io.wabill.app.RunArtifacts;
import io.wabill.app.UserException;

import io.wabill.report.CsvDialect;
import io.wabill.report.CustomerMask;
import io.wabill.report.chart.ChartStyle;
import io.wabill.sim.market.CountryResolver;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where and how a run writes, and how it treats bad rows. */
public final class RunOutput {
    @Option(names = "--out", paramLabel = "DIR", description = "output folder; default: ${DEFAULT-VALUE}", defaultValue = "wabill-out")
    Path out;

    @Option(names = "--on-error", paramLabel = "MODE", description = "stop at the first bad row, or skip bad rows and list them in errors.csv: ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}", defaultValue = "stop")
    OnError onError;

    @Option(names = "--mask-customers", description = "print customers as their calling code and a salted hash")
    boolean maskCustomers;

    @Option(names = "--mask-salt", paramLabel = "TEXT", description = "salt of the customer hash (same salt, same masks); default: none", defaultValue = "")
    String maskSalt;

    @Option(names = "--csv-dialect", paramLabel = "DIALECT", description = "line ends and BOM of written CSV: ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}", defaultValue = "UNIX")
    CsvDialect dialect;

    @Option(names = "--status-horizon", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "31d",
            description = "how long after sending a message's status rows may arrive in a sorted log that streams (bounds its memory; G10: never below 31 days by default); a log held in memory merges them whatever the delay; default: ${DEFAULT-VALUE}")
    Duration statusHorizon;

    @Option(names = "--max-unsorted-rows", paramLabel = "N", defaultValue = "5000000", converter = Counts.Rows.class,
            description = "the most rows an unsorted log may have (it is sorted in memory); default: ${DEFAULT-VALUE}")
    long maxUnsortedRows;

    @Option(names = "--no-ledger", description = "write the summary but not ledger.csv")
    boolean noLedger;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Option(names = "--charts", paramLabel = "DIR", description = "write the charts (PNG and SVG) into this folder")
    Path charts;

    @Option(names = "--report", paramLabel = "DIR", description = "write report.html (self-contained: charts, tables, inputs, row accounting) into this folder")
    Path report;

    @Option(names = "--focus", paramLabel = "FILE", description = "write a FOCUS 1.2 cost and usage CSV (one row per day, account, market, billable category and pricing type)")
    Path focus;

    @Option(names = "--chart-size", paramLabel = "WxH", converter = ChartSizeConverter.class, defaultValue = "1000x560",
            description = "chart size in pixels (PNG) and user units (SVG); default: ${DEFAULT-VALUE}")
    ChartStyle chartSize;

    @Option(names = "--top-markets", paramLabel = "N", defaultValue = "8", converter = Counts.AtLeastOne.class,
            description = "markets shown by name in the spend-by-market chart; the rest are one column; default: ${DEFAULT-VALUE}")
    int topMarkets;

    /** What to do with a bad row. */
    public enum OnError { STOP, SKIP }

    /** Reads a chart size such as {@code 1000x560}. */
    public static final class ChartSizeConverter implements picocli.CommandLine.ITypeConverter<ChartStyle> {
        @Override public ChartStyle convert(String value) {
            try {
                return ChartStyle.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The charts, report and FOCUS export asked for, or null when none was. */
    RunArtifacts artifacts(String title, java.util.function.Function<SimulationRun.Result, io.wabill.report.html.RunInputs> inputs) {
        return artifacts(title, inputs, null);
    }

    /** The charts, report, FOCUS export and workbook asked for, or null when none was. */
    RunArtifacts artifacts(String title, java.util.function.Function<SimulationRun.Result, io.wabill.report.html.RunInputs> inputs,
            io.wabill.app.RunWorkbook workbook) {
        if (topMarkets < 1) throw new UserException("--top-markets must be >= 1, was " + topMarkets);
        RunArtifacts a = new RunArtifacts(charts, report, focus, chartSize, topMarkets, dialect, title, inputs)
                .withWorkbook(workbook);
        return a.isEmpty() ? null : a;
    }

    CustomerMask mask() { return maskCustomers ? new CustomerMask(maskSalt, new CountryResolver()) : null; }
}
