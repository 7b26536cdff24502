package io.wabill.cli;

import io.wabill.report.CsvDialect;
import io.wabill.report.CustomerMask;
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

    @Option(names = "--status-horizon", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "7d",
            description = "how long after sending a message's status rows may arrive (bounds memory on sorted logs); default: ${DEFAULT-VALUE}")
    Duration statusHorizon;

    @Option(names = "--max-unsorted-rows", paramLabel = "N", defaultValue = "5000000",
            description = "the most rows an unsorted log may have (it is sorted in memory); default: ${DEFAULT-VALUE}")
    long maxUnsortedRows;

    @Option(names = "--no-ledger", description = "write the summary but not ledger.csv")
    boolean noLedger;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    /** What to do with a bad row. */
    public enum OnError { STOP, SKIP }

    CustomerMask mask() { return maskCustomers ? new CustomerMask(maskSalt, new CountryResolver()) : null; }
}
