package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar EngineBenchmark -f 1 -wi 2 -i 5 -prof gc
// (writes the log, 500k rows of issue 14's shape, to $TMPDIR/wabill-bench/ once, as PipelineBenchmark does)

import io.wabill.data.rates.CatalogLoader;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.Catalog;
import io.wabill.sim.engine.Engine;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.events.Message;
import io.wabill.sim.market.MarketResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine alone on issue 14's log shape ({@link PmpLog}: one business number, 50,000 customers, PMP, CSW, US
 * block, tiers): the messages of the 500k-row log, assembled once and held in an array, priced by {@link Engine#process}
 * into a sink that only adds up the amounts. One operation is one message; {@code reused} prices them again with the
 * same engine (the steady state: pairs, countries and markets known, no table growing, so {@code gc.alloc.rate.norm}
 * is what a message allocates), {@code fresh} with a new engine per invocation (as a run starts: the pair table grows
 * and every customer's country is resolved once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
public class EngineBenchmark {
    static final int ROWS = PipelineBenchmark.ROWS;

    Message[] messages;
    Catalog catalog;
    AccountBook accounts;
    Engine reused;
    /** What the sink keeps of each line, returned so the work cannot be dropped. */
    long amounts;

    @Setup(Level.Trial)
    public void messages() throws Exception {
        Path log = BenchLogs.pmpLog(ROWS);
        catalog = CatalogLoader.load(BenchLogs.pmpCards());
        accounts = new AccountBook(Account.defaults(Account.DEFAULT_ID), List.of());
        messages = BenchLogs.messages(log, engine(), 31 * 86_400_000L);
        reused = engine();
    }

    private Engine engine() {
        return new Engine(catalog.rates(), new MarketResolver(catalog.markets()), accounts, PricingOptions.defaults(),
                line -> amounts += line.amountUnits());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long reused() {
        for (Message m : messages) reused.process(m);
        return amounts;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long fresh() {
        Engine engine = engine();
        for (Message m : messages) engine.process(m);
        return amounts;
    }
}
