package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar SimulateBenchmark -f 1 -wi 0 -i 1
// (the first run writes the 10M-row log, about 1 GB, to $TMPDIR/wabill-bench/ and reuses it afterwards)

import io.wabill.app.Progress;
import io.wabill.app.SimulationRun;
import io.wabill.data.accounts.AccountsException;
import io.wabill.data.accounts.AccountsReader;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.report.CsvDialect;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.Catalog;
import io.wabill.sim.api.PricingConfig;
import io.wabill.sim.engine.PricingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (e) {@code wabill simulate} end to end, one shot, through the application layer the command line runs
 * ({@link SimulationRun}, module {@code app}; no picocli): a generated,
 * time-sorted 10M-row CSV log (4 portfolios of 3 accounts in three time zones, six markets, October 2026)
 * read, merged, priced on the bundled cards, and written to summary.csv and, with {@code ledger}, ledger.csv.
 * The score is seconds per run; rows/s = rows / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SimulateBenchmark {
    @Param({"10000000"})
    public long rows;

    @Param({"true", "false"})
    public boolean ledger;

    @Param({"1", "2"})
    public int threads;

    Path log;
    Path out;
    Catalog catalog;
    AccountBook accounts;

    @Setup(Level.Trial)
    public void log() throws Exception {
        log = BenchLogs.log(rows, 4);
        out = Files.createTempDirectory("wabill-bench-out");
        catalog = CatalogLoader.bundled();
        try {
            accounts = new AccountBook(Account.defaults(Account.DEFAULT_ID), AccountsReader.read(BenchLogs.accounts(log)));
        } catch (AccountsException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Benchmark
    public long simulate() throws IOException {
        // the defaults of `wabill simulate --quiet`: stop at a bad row, 7 d status horizon, 5M unsorted rows at most
        SimulationRun.Settings settings = new SimulationRun.Settings(List.of(log), catalog, accounts,
                PricingOptions.defaults(), false, PricingConfig.DEFAULT_STATUS_HORIZON, 5_000_000L, out, ledger,
                CsvDialect.UNIX, null, Progress.SILENT);
        return new SimulationRun(settings).withThreads(threads).run().ledgerRows();
    }
}
