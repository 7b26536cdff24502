package io.wabill.spark;

import io.wabill.sim.money.Money;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code wabill-spark}: wabill's {@code simulate} as an Apache Spark job. Run by {@code ./wabill-spark} on a local
 * master, or by {@code spark-submit} with the thin jar on a cluster. Exit codes are wabill's: 0 success, 1 bad
 * input, 2 usage error, 3 internal error.
 */
@Command(name = "wabill-spark", mixinStandardHelpOptions = true, version = "wabill-spark 0.1.0",
        subcommands = SparkMain.Simulate.class,
        description = "wabill on Apache Spark: prices message logs partitioned by business portfolio.")
public final class SparkMain implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: simulate");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code (tests call this with a local master). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SparkMain());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable cause = userError(e);
            if (cause != null) {
                cmd.getErr().println("wabill-spark: " + cause.getMessage());
                return 1;
            }
            cmd.getErr().println("wabill-spark: internal error, please report it with the command line that caused it:");
            e.printStackTrace(cmd.getErr());
            return 3;
        });
        return cli.execute(args);
    }

    /**
     * Local output without Hadoop's {@code .crc} side files, so {@code OUT/} holds what {@code simulate} writes and
     * Spark's part files only (other file systems are not affected).
     */
    public static SparkConf withPlainLocalFiles(SparkConf conf) {
        return conf.set("spark.hadoop.fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    }

    /** The user's error inside an exception, also when a Spark task threw it (Spark wraps it in its own). */
    private static Throwable userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserException || t instanceof SparkSimulation.BadRowException
                    || t instanceof io.wabill.data.log.LogFormatException
                    || t instanceof io.wabill.data.rates.CatalogLoadException
                    || t instanceof io.wabill.sim.money.AmountOverflowException) return t;
        }
        return null;
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Price message logs on Spark: rows partitioned by portfolio, each partition priced by one",
                "pricing session in the log's order. Writes OUT/ledger/ (Parquet partitioned by account and local month,",
                "or CSV part files with --format csv), summary.csv, accounting.csv and errors.csv (rows skipped)."},
            footer = {"", "Examples:", "  wabill-spark simulate log.csv.gz --accounts accounts.csv --out out/",
                "  wabill-spark simulate jan.csv feb.csv --accounts accounts.csv --out out/ --format csv --master local[2]"})
    static final class Simulate implements Callable<Integer> {
        @Spec CommandLine.Model.CommandSpec spec;
        @Mixin SimulateOptions options;

        @Override public Integer call() throws Exception {
            String[] args = spec.commandLine().getParseResult().originalArgs().toArray(new String[0]);
            JobSettings settings = JobSettings.of(args, options);
            PricingInputs.of(settings); // the inputs are checked before Spark starts
            // A session that is already running (a test's, a notebook's) is used and left running.
            boolean ours = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
            SparkConf conf = new SparkConf().setAppName("wabill-spark simulate");
            if (options.master != null) conf.setMaster(options.master);
            else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
            withPlainLocalFiles(conf);
            SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
            try {
                SparkSimulation.Result r = new SparkSimulation(spark, settings).run();
                PrintWriter out = spec.commandLine().getOut();
                out.printf("Priced %,d rows from %d file(s) in %d partition(s): %,d ledger rows, %,d status rows merged, "
                        + "%,d skipped.%n", r.rowsIn(), r.files(), r.partitions(), r.ledgerRows(), r.merged(), r.skipped());
                if (r.heldWhole()) out.println("The log was held whole, as wabill simulate holds a log of at most "
                        + "--max-unsorted-rows rows that is not sorted or whose status rows came later than the horizon (G10).");
                for (var t : r.totals().entrySet())
                    out.println("  " + t.getKey() + " " + io.wabill.report.LedgerFormat.amount(Money.toDecimal(t.getValue())));
                if (!r.timings().isEmpty()) {
                    out.println("Timings:");
                    r.timings().forEach(t -> out.println("  " + t));
                }
                out.println("Wrote:");
                for (String w : r.written()) out.println("  " + w);
                out.flush();
                return 0;
            } finally {
                if (ours) spark.stop();
            }
        }
    }
}
