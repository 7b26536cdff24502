package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar LedgerWriterBenchmark -f 1 -wi 2 -i 4 -prof gc
// (prices PipelineBenchmark's 500k-row log once in the set-up, then measures only the output side)

import io.wabill.data.log.LogSource;
import io.wabill.data.log.RowErrorHandler;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.report.CsvDialect;
import io.wabill.report.LedgerWriter;
import io.wabill.report.RunTables;
import io.wabill.report.SummaryTable;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.Catalog;
import io.wabill.sim.api.PricingConfig;
import io.wabill.sim.api.PricingSession;
import io.wabill.sim.api.SessionOptions;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.strategy.StrategyChain;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * The output side of {@code simulate} alone (issue 14): the ledger lines of {@link PipelineBenchmark}'s 500k-row log,
 * priced once in the set-up and kept as copies, fed to what the run feeds them to. {@code ledger}: the ledger
 * encoder ({@link LedgerWriter}) into a stream that drops the bytes; {@code tables}: {@code daily.csv},
 * {@code tiers.csv} and {@code templates.csv}'s tables ({@link RunTables}); {@code summary}: {@link SummaryTable};
 * {@code all}: the three in turn for each line, as a run does (the line's first reader pays for bringing it into the
 * cache, which in a run is the pricing that just made it).
 * One operation is one line: the score is lines per second, {@code gc.alloc.rate.norm} bytes per line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class LedgerWriterBenchmark {
    static final int ROWS = PipelineBenchmark.ROWS;

    @Param({"ledger", "tables", "summary", "all"})
    public String part;

    public LedgerLine[] lines;
    AccountBook accounts;
    Catalog catalog;

    @Setup(Level.Trial)
    public void price() throws Exception {
        Path log = BenchLogs.pmpLog(ROWS);
        catalog = CatalogLoader.load(BenchLogs.pmpCards());
        accounts = new AccountBook(Account.defaults(Account.DEFAULT_ID), List.of());
        PricingConfig config = PricingConfig.builder().catalog(catalog).accounts(accounts)
                .options(PricingOptions.defaults()).strategy(StrategyChain.asLogged()).statusHorizon(Duration.ofDays(31))
                .build();
        List<LedgerLine> kept = new ArrayList<>(ROWS + 16);
        PricingSession session = config.newLineSession(l -> {
            LedgerLine copy = new LedgerLine();
            copy.copyFrom(l);
            kept.add(copy);
        }, SessionOptions.defaults());
        new LogSource(List.of(log), RowErrorHandler.STOP).stream(session::accept);
        session.finish();
        lines = kept.toArray(new LedgerLine[0]);
    }

    /** Counts the bytes it is given and keeps none. */
    static final class Drain extends OutputStream {
        long bytes;

        @Override public void write(int b) { bytes++; }

        @Override public void write(byte[] b, int off, int len) { bytes += len; }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long write() throws IOException {
        LedgerLine[] ls = lines;
        int n = Math.min(ls.length, ROWS);
        switch (part) {
            case "ledger": {
                Drain d = new Drain();
                try (LedgerWriter w = new LedgerWriter(d, CsvDialect.UNIX, null)) {
                    for (int i = 0; i < n; i++) w.accept(ls[i]);
                }
                return d.bytes;
            }
            case "tables": {
                RunTables t = new RunTables(accounts, catalog.rates(), false);
                for (int i = 0; i < n; i++) t.accept(ls[i]);
                return t.tiers().rows().size() + t.daily().rows().size() + t.templates().rows().size();
            }
            case "all": {
                Drain d = new Drain();
                SummaryTable s = new SummaryTable();
                RunTables t = new RunTables(accounts, catalog.rates(), false);
                try (LedgerWriter w = new LedgerWriter(d, CsvDialect.UNIX, null)) {
                    for (int i = 0; i < n; i++) {
                        s.accept(ls[i]);
                        t.accept(ls[i]);
                        w.accept(ls[i]);
                    }
                }
                return d.bytes + s.rows().size() + t.tiers().rows().size();
            }
            default: {
                SummaryTable s = new SummaryTable();
                for (int i = 0; i < n; i++) s.accept(ls[i]);
                return s.rows().size();
            }
        }
    }
}
