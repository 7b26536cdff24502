package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar PipelineBenchmark -f 1 -wi 1 -i 3 -prof gc
// (writes the log, 500k rows of issue 14's shape, to $TMPDIR/wabill-bench/ once)

import io.wabill.app.Progress;
import io.wabill.app.SimulationRun;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.report.CsvDialect;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.Catalog;
import io.wabill.sim.engine.PricingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 14's end-to-end figure on one thread: {@code simulate --threads 1} of a 500k-row log of the shape
 * (one business number, 50,000 customers, epoch seconds, PMP, CSW, US block, tiers: {@link PmpLog}) from the file to
 * summary.csv and, with {@code ledger}, ledger.csv, through {@link SimulationRun} as the command line runs it (the
 * card loaded once, outside the measurement). One operation is one row, so the score is rows per second and
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes allocated per row (the run's fixed costs spread over its
 * rows). Each invocation is a whole run; the warm-up iteration gives the JIT a run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
public class PipelineBenchmark {
    static final int ROWS = 500_000;

    @Param({"true", "false"})
    public boolean ledger;

    Path log;
    Path cards;
    Path out;
    Catalog catalog;

    @Setup(Level.Trial)
    public void log() throws Exception {
        log = BenchLogs.pmpLog(ROWS);
        cards = BenchLogs.pmpCards();
        out = Files.createTempDirectory("wabill-bench-out");
        catalog = CatalogLoader.load(cards);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long simulate() throws IOException {
        // the defaults of `wabill simulate --quiet --threads 1` (31-day status horizon, stop at a bad row)
        SimulationRun.Settings settings = new SimulationRun.Settings(List.of(log), catalog,
                new AccountBook(Account.defaults(Account.DEFAULT_ID), List.of()), PricingOptions.defaults(), false,
                Duration.ofDays(31), 5_000_000L, out, ledger, CsvDialect.UNIX, null, Progress.SILENT);
        return new SimulationRun(settings).withThreads(1).run().ledgerRows();
    }
}
