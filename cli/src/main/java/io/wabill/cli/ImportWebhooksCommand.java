package io.wabill.cli;

import io.wabill.app.WebhookImportRun;
import io.wabill.app.UserException;

import io.wabill.report.CsvDialect;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wabill import webhooks}: stored WhatsApp Cloud API webhook payloads into a message log. */
@Command(name = "webhooks", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Read stored WhatsApp Cloud API webhook payloads (JSON lines, JSON arrays of payloads, or one payload",
            "per file; plain or .gz) and write a message log sorted by time: user messages and calls (with click-to-WhatsApp",
            "entry points), and business messages with their statuses joined, plus meta_* columns keeping what Meta reported.",
            "Writes NAME.import-report.csv beside the log, and NAME.import-errors.csv when payloads could not be used."},
        footer = {"", "Example:", "  wabill import webhooks hooks-2025-07.jsonl.gz hooks-2025-08.jsonl.gz --out log.csv.gz"})
public final class ImportWebhooksCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "webhook payload files, read in the order given")
    List<Path> files;

    @Option(names = "--out", paramLabel = "LOG", required = true, description = "the log to write (.csv or .csv.gz)")
    Path out;

    @Mixin ImportOptions importOptions;

    @Option(names = "--status-horizon", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "31d",
            description = "how long a written message's id is remembered, so a late status joins it (G10: at least 31 days by default); default: ${DEFAULT-VALUE}")
    Duration statusHorizon;

    @Option(names = "--csv-dialect", paramLabel = "DIALECT", defaultValue = "UNIX",
            description = "line ends and BOM of written CSV: ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}")
    CsvDialect dialect;

    @Override public Integer call() throws Exception {
        String name = out.getFileName().toString();
        if (!name.endsWith(".csv") && !name.endsWith(".csv.gz"))
            throw new UserException("--out names the log to write and must end with .csv or .csv.gz, was " + out);
        WebhookImportRun.Result r = run(importOptions, statusHorizon, dialect, files, out);
        PrintWriter p = spec.commandLine().getOut();
        WebhookImportRun.print(p, r.report(), r.errors());
        SimulateCommand.printWritten(p, r.written());
        p.flush();
        return ExitCodes.OK;
    }

    static WebhookImportRun.Result run(ImportOptions o, Duration horizon, CsvDialect dialect, List<Path> files, Path out)
            throws java.io.IOException {
        checkHorizon(o, horizon);
        return new WebhookImportRun(o.settings(horizon), dialect).run(files, out);
    }

    /** The status horizon must cover the join window: a status joins a message written within it. */
    static void checkHorizon(ImportOptions o, Duration horizon) {
        if (horizon.compareTo(o.joinWindow) < 0)
            throw new UserException("--status-horizon (" + horizon + ") must not be shorter than --join-window (" + o.joinWindow + ")");
    }
}
