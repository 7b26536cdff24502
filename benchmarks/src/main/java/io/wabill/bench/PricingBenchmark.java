package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar PricingBenchmark -f 1 -wi 2 -i 3 -prof gc

import io.wabill.data.accounts.AccountsReader;
import io.wabill.sim.api.Catalog;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * (c) Pricing one event in memory, end to end through the engine: market resolution (G4, G5), the regime and
 * card in force in the account's local time (G1, G2), windows (G6, D5), the service tier (E3), volume tiers
 * (D6, D7) and the ledger line, for the messages of a generated 1M-row October 2026 log held in an array.
 * Each invocation prices them all with a fresh engine. Score: events/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PricingBenchmark {
    static final int ROWS = 1_000_000;

    Message[] messages;
    Catalog catalog;
    AccountBook accounts;

    @Setup(Level.Trial)
    public void messages() throws Exception {
        Path log = BenchLogs.log(ROWS, 4);
        catalog = CatalogLoader.bundled();
        accounts = new AccountBook(Account.defaults(Account.DEFAULT_ID), AccountsReader.read(BenchLogs.accounts(log)));
        messages = BenchLogs.messages(log, engine(line -> { }), 7 * 86_400_000L);
        if (messages.length != ROWS) throw new IllegalStateException("expected " + ROWS + " messages, got " + messages.length);
    }

    private Engine engine(io.wabill.sim.engine.LedgerSink sink) {
        return new Engine(catalog.rates(), new MarketResolver(catalog.markets()), accounts, PricingOptions.defaults(), sink);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void price(Blackhole bh) {
        Engine engine = engine(line -> bh.consume(line.amountUnits()));
        for (Message m : messages) engine.process(m);
    }
}
