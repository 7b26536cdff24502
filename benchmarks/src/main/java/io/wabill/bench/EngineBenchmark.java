package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar EngineBenchmark -f 1 -wi 2 -i 5 -prof gc
// (writes the log, 500k rows of issue 14's shape, to $TMPDIR/wabill-bench/ once, as PipelineBenchmark does)

import io.wabill.bench.e2e.PmpLog;
import io.wabill.data.log.LogReader;
import io.wabill.data.log.RowErrorHandler;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.Catalog;
import io.wabill.sim.engine.Engine;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import io.wabill.sim.events.MessageAssembler;
import io.wabill.sim.market.MarketResolver;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "wabill-bench"));
        Path log = dir.resolve("pmp-" + ROWS + "-v1.csv");
        Path cards = Files.createDirectories(dir.resolve("pmp-cards"));
        PmpLog.writeCard(cards.resolve("meta-rates-USD-2025-07-01.csv"));
        if (!Files.exists(log)) {
            Path partial = dir.resolve(log.getFileName() + ".partial");
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                PmpLog.write(ROWS, 50_000, 20251001L, o);
            }
            Files.move(partial, log, StandardCopyOption.REPLACE_EXISTING);
        }
        catalog = CatalogLoader.load(cards);
        accounts = new AccountBook(Account.defaults(Account.DEFAULT_ID), List.of());
        Engine timing = engine();
        List<Message> list = new ArrayList<>(ROWS);
        MessageAssembler assembler = new MessageAssembler(timing::evaluationInstant, 31 * 86_400_000L,
                new MessageAssembler.Listener() {
                    @Override public void message(Message m) { list.add(m); }

                    @Override public void rejectedRow(LogRow row, String column, String reason) { }
                });
        try (LogReader r = new LogReader(log, 0, RowErrorHandler.STOP)) {
            for (LogRow row = r.next(); row != null; row = r.next()) assembler.accept(row);
        }
        assembler.finish();
        messages = list.toArray(new Message[0]);
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
