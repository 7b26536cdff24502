package io.wabill.spark;

import io.wabill.report.AccountingWriter;
import io.wabill.report.CsvDialect;
import io.wabill.report.ErrorsWriter;
import io.wabill.sim.api.RowAccounting;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code wabill-spark simulate} on the driver. The plan:
 * <ol>
 *   <li>one task per CSV log file reads it with wabill's reader ({@link LogFileReader}; Parquet logs are read by
 *       Spark and each split normalised by the same reader, {@link ParquetLogReader}) and routes each row by its
 *       portfolio (the row's, else its account's);</li>
 *   <li>{@code repartition(portfolio)} and {@code sortWithinPartitions(timestamp, file, line)}, the order
 *       {@code simulate} reads a log in: each portfolio lies whole, in order, in one task (tiers are counted per
 *       portfolio, D6/D7; windows per pair of one number, G6, so nothing crosses tasks);</li>
 *   <li>the readers also give each file's distinct timestamps: the log's clock, broadcast to every task
 *       ({@link PricePartition}), so a task that prices some portfolios releases messages as one reader would;</li>
 *   <li>each task prices its rows with one session of the library API ({@link PartitionPricer}; under whole-month
 *       bands, A3, after a counting session over the same rows) and the ledger is written as Parquet partitioned by
 *       account and local month, or as CSV part files with {@code simulate}'s header and columns;</li>
 *   <li>the tasks' reports make {@code summary.csv}, {@code daily.csv}, {@code tiers.csv}, {@code templates.csv},
 *       {@code accounting.csv} and {@code errors.csv} on the driver, the sessions' row accounting added up and
 *       checked again.</li>
 * </ol>
 */
final class SparkSimulation {
    /** What the run did. */
    record Result(long rowsIn, long ledgerRows, long merged, long skipped, Map<String, Long> totals, List<String> written,
                  int partitions, int files, List<String> timings, boolean heldWhole) {}

    private final SparkSession spark;
    private final JobSettings settings;
    private final SimulateOptions options;

    SparkSimulation(SparkSession spark, JobSettings settings) {
        this.spark = spark;
        this.settings = settings;
        // Built here first: a bad accounts file, option or rate card fails the run before any task starts.
        this.options = PricingInputs.of(settings).options;
    }

    Result run() throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        StageTimes stages = new StageTimes();
        if (options.timings) spark.sparkContext().addSparkListener(stages);
        long started = System.nanoTime();
        int files = settings.logs.size();
        int partitions = options.partitions != null ? options.partitions : jsc.defaultParallelism();
        if (partitions < 1) throw new UserException("--partitions must be >= 1, was " + partitions);

        ClockAccumulator fileClocks = new ClockAccumulator();
        spark.sparkContext().register(fileClocks, "wabill log clock");
        List<Integer> csvFiles = new ArrayList<>();
        List<String> parquetFiles = new ArrayList<>();
        Map<String, Integer> parquetIndex = new java.util.HashMap<>();
        for (int i = 0; i < files; i++) {
            String f = settings.logs.get(i);
            if (LogFiles.isParquet(f)) {
                parquetFiles.add(f);
                parquetIndex.put(ParquetLogReader.pathKey(f), i);
            } else {
                csvFiles.add(i);
            }
        }
        JavaRDD<Row> read = csvFiles.isEmpty() ? null
                : jsc.parallelize(csvFiles, csvFiles.size()).flatMap(new LogFileReader(settings, fileClocks));
        int clockParts = csvFiles.size();
        if (!parquetFiles.isEmpty()) {
            Dataset<Row> pq = spark.read().parquet(parquetFiles.toArray(new String[0]));
            String[] columns = pq.columns();
            List<org.apache.spark.sql.Column> select = new ArrayList<>();
            for (String c : columns) select.add(functions.col("`" + c + "`"));
            select.add(functions.col("_metadata.file_path"));
            select.add(functions.col("_metadata.row_index"));
            JavaRDD<Row> raw = pq.select(select.toArray(new org.apache.spark.sql.Column[0])).javaRDD();
            JavaRDD<Row> normalised = raw.mapPartitions(new ParquetLogReader(settings, columns, parquetIndex, fileClocks, files));
            clockParts += raw.getNumPartitions();
            read = read == null ? normalised : read.union(normalised);
        }
        Dataset<Row> sorted = spark.createDataFrame(read, NormalizedRows.SCHEMA)
                .repartition(partitions, functions.col(NormalizedRows.PORTFOLIO))
                .sortWithinPartitions(NormalizedRows.TIMESTAMP, NormalizedRows.FILE_INDEX, NormalizedRows.LINE);
        JavaRDD<Row> routed = sorted.javaRDD();

        // Adaptive execution runs the shuffle's map stage (the files read) when the RDD is made, and the readers have
        // then given every file's timestamps; otherwise (or after a fatal read error) a job over the sorted rows does.
        Map<Integer, ClockAccumulator.Part> perFile = fileClocks.value();
        if (perFile.size() != clockParts) {
            routed.mapPartitions(SparkSimulation::distinctTimestamps).count(); // runs the readers now
            perFile = fileClocks.value();
        }
        List<long[]> times = new ArrayList<>();
        for (ClockAccumulator.Part p : perFile.values()) times.add(p.timestamps());
        long[] ticks = distinct(times);
        String conflict = partitions > 1 ? ClockAccumulator.conflict(perFile) : null;
        if (conflict != null) {
            throw new UserException(conflict + ": portfolios that share an account or a number cannot be priced apart; "
                    + "fix the accounts file or the log's portfolio column, or price in one task with --partitions 1");
        }
        long clockReady = System.nanoTime();
        Broadcast<long[]> clock = jsc.broadcast(ticks);
        long rows = 0;
        boolean unsorted = false;
        for (ClockAccumulator.Part p : perFile.values()) {
            rows += p.rows();
            unsorted |= !p.sorted();
        }
        // simulate holds a log whole when it is not sorted, or when a status row comes later than a stream can wait
        // for (G10, G3), as long as it has at most --max-unsorted-rows rows; so does the job, task by task
        boolean short_ = rows <= options.maxUnsortedRows;
        boolean holdWhole = unsorted && short_;

        OutputFolder out = new OutputFolder(options.out, jsc.hadoopConfiguration());
        try {
            Map<Integer, PartitionReport> done = price(routed, clock, out, partitions, holdWhole);
            if (!holdWhole && short_ && done.values().stream().anyMatch(p -> p.outOfReach > 0)) {
                holdWhole = true;
                done = price(routed, clock, out, partitions, true);
            }
            long written = System.nanoTime();
            clock.destroy();
            Result r = finish(done, partitions, files, out);
            List<String> committed = out.commit();
            List<String> timings = List.of();
            if (options.timings) {
                spark.sparkContext().removeSparkListener(stages);
                timings = timings(stages, done, ticks.length, clockReady - started, written - clockReady, System.nanoTime() - written);
            }
            return new Result(r.rowsIn(), r.ledgerRows(), r.merged(), r.skipped(), r.totals(), committed, partitions, files,
                    timings, holdWhole);
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
    }

    /**
     * The pricing stage: each task prices its rows and the ledger is written (again, over a first attempt). Under
     * whole-month bands (A3) each task reads its sorted rows twice, the partition zipped with itself: a counting pass,
     * then the pricing pass with its month totals.
     */
    private Map<Integer, PartitionReport> price(JavaRDD<Row> routed, Broadcast<long[]> clock, OutputFolder out,
                                                int partitions, boolean holdWhole) throws IOException {
        ReportAccumulator reports = new ReportAccumulator();
        spark.sparkContext().register(reports, "wabill partition reports");
        PricePartition pricing = new PricePartition(settings, clock, reports, partitions, holdWhole);
        JavaRDD<Row> priced = PricingInputs.of(settings).config.needsCountingPass()
                ? routed.zipPartitions(routed, pricing) : routed.mapPartitions(pricing);
        if (options.format == SimulateOptions.Format.CSV) {
            spark.createDataFrame(priced, LedgerRows.CSV).write().mode(SaveMode.Overwrite).text(out.staged("ledger"));
            out.renameParts("ledger", ".txt", ".csv");
        } else {
            spark.createDataFrame(priced, LedgerRows.PARQUET).write().mode(SaveMode.Overwrite)
                    .partitionBy("account", "month").parquet(out.staged("ledger"));
        }
        return reports.value();
    }

    /** The driver's part: the tasks' reports checked and turned into summary, accounting and errors. */
    private Result finish(Map<Integer, PartitionReport> reports, int partitions, int files, OutputFolder out) throws IOException {
        if (reports.size() != partitions)
            throw new IllegalStateException(partitions + " pricing tasks but " + reports.size() + " reports");
        RowAccounting accounting = RowAccounting.ZERO;
        List<PartitionReport.Error> errors = new ArrayList<>();
        SummaryCsv summary = new SummaryCsv();
        TablesCsv tables = new TablesCsv();
        for (PartitionReport p : reports.values()) {
            accounting = accounting.plus(p.accounting().checked());
            errors.addAll(p.errors);
            p.summary.forEach(summary::add);
            tables.add(p.tables);
        }
        errors.sort(Comparator.comparingInt(PartitionReport.Error::fileIndex).thenComparingLong(PartitionReport.Error::line));
        for (PartitionReport.Error e : errors) {
            // A file that cannot be read on stops any run; a bad row stops a run without --on-error skip (the
            // first one in the log's order is named, as simulate names the first it meets).
            if (e.fatal() || options.onError == SimulateOptions.OnError.STOP) throw new BadRowException(e.rowError());
        }
        accounting.checked(); // each task's session checked its own; the sum holds too
        long rowsIn = accounting.rowsIn(), ledgerRows = accounting.ledgerRows(), merged = accounting.rowsMerged(),
                skipped = accounting.rowsSkipped();
        try (Writer w = out.open("summary.csv")) {
            summary.write(w);
        }
        try (Writer w = out.open("daily.csv")) {
            tables.writeDaily(w);
        }
        try (Writer w = out.open("tiers.csv")) {
            tables.writeTiers(w);
        }
        try (Writer w = out.open("templates.csv")) {
            tables.writeTemplates(w);
        }
        try (Writer w = out.open("accounting.csv")) {
            AccountingWriter.write(w, CsvDialect.UNIX, AccountingWriter.items(rowsIn, ledgerRows, merged, skipped));
        }
        if (!errors.isEmpty()) {
            List<ErrorsWriter.Entry> entries = new ArrayList<>();
            for (PartitionReport.Error e : errors)
                entries.add(new ErrorsWriter.Entry(e.file(), e.line(), e.column(), e.value(), e.reason()));
            try (Writer w = out.open("errors.csv")) {
                ErrorsWriter.write(w, CsvDialect.UNIX, entries);
            }
        }
        return new Result(rowsIn, ledgerRows, merged, skipped, summary.totals(), List.of(), partitions, files, List.of(), false);
    }

    private static List<String> timings(StageTimes stages, Map<Integer, PartitionReport> reports, int ticks, long clockNanos,
                                        long writeNanos, long driverNanos) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("read + shuffle write (+ sort, when the clock needs its own pass) + the log's clock (%,d timestamps): %,d ms", ticks, clockNanos / 1_000_000));
        lines.add(String.format("sort + pricing + ledger written: %,d ms", writeNanos / 1_000_000));
        lines.add(String.format("driver, summary and commit: %,d ms", driverNanos / 1_000_000));
        for (StageTimes.Stage s : stages.stages()) {
            lines.add(String.format("  stage %d %s, %d task(s): wall %,d ms, task time %,d ms, task CPU %,d ms (shuffle write "
                    + "%,d ms, shuffle fetch wait %,d ms), %,d shuffle bytes written, %,d bytes spilled", s.id(), s.name(),
                    s.tasks(), s.wallMillis(), s.runMillis(), s.cpuMillis(), s.shuffleWriteMillis(), s.shuffleReadWaitMillis(),
                    s.shuffleBytesWritten(), s.spilledBytes()));
        }
        for (PartitionReport p : reports.values()) {
            lines.add(String.format("  task %d: %,d rows; to its first row (shuffle fetch and sort) %,d ms, CPU %,d ms; "
                    + "after it, CPU %,d ms, of which the pricing session (rows to ledger rows) about %,d ms", p.partition,
                    p.rowsIn, p.firstRowNanos / 1_000_000, p.firstRowCpuNanos / 1_000_000,
                    (p.cpuNanos - p.firstRowCpuNanos) / 1_000_000, p.pricingCpuNanos() / 1_000_000));
        }
        return lines;
    }

    /** The distinct timestamps of one task's sorted rows (bad rows have none). */
    private static Iterator<long[]> distinctTimestamps(Iterator<Row> rows) {
        long[] out = new long[1024];
        int n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            if (NormalizedRows.isError(r)) continue;
            long t = NormalizedRows.timestamp(r);
            if (n > 0 && out[n - 1] == t) continue;
            if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
            out[n++] = t;
        }
        return List.of(java.util.Arrays.copyOf(out, n)).iterator();
    }

    /** The union of sorted distinct arrays (or of any arrays), sorted and distinct. */
    static long[] distinct(List<long[]> parts) {
        int total = 0;
        for (long[] p : parts) total += p.length;
        long[] all = new long[total];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        java.util.Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) if (n == 0 || all[n - 1] != all[i]) all[n++] = all[i];
        return java.util.Arrays.copyOf(all, n);
    }

    /** A bad row or unreadable file that ends the run (exit 1), described as wabill describes it. */
    static final class BadRowException extends RuntimeException {
        BadRowException(io.wabill.data.log.RowError e) { super(e.describe(), null, false, false); }
    }
}
