package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar TierCountingBenchmark -f 1 -wi 2 -i 3 -prof gc

import io.wabill.sim.engine.LongCounter;
import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * (b) Tier counting (D6-D8): per charged message, count it under (portfolio, market, category family, local
 * month) and find the graduated band holding its number. Keys are packed into one long as the engine packs
 * them; the baseline counts in a {@code HashMap<Object, Object>} of key objects and boxed counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TierCountingBenchmark {
    static final int EVENTS = 1 << 22;

    /** Portfolios counted at once. */
    @Param({"10", "10000"})
    public int portfolios;

    int[] portfolio;
    int[] market;
    int[] family;
    int[] month;
    Bands bands;

    @Setup(Level.Trial)
    public void events() {
        SplittableRandom rnd = new SplittableRandom(2);
        portfolio = new int[EVENTS];
        market = new int[EVENTS];
        family = new int[EVENTS];
        month = new int[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            portfolio[i] = rnd.nextInt(portfolios);
            market[i] = rnd.nextInt(40);
            family[i] = rnd.nextInt(2);
            month[i] = 2026 * 12 + i / (EVENTS / 3);
        }
        bands = new Bands(List.of(new Band(1, 100_000, new BigDecimal("0.0080")),
                new Band(100_001, 500_000, new BigDecimal("0.0076")), new Band(500_001, 2_000_000, new BigDecimal("0.0072")),
                new Band(2_000_001, Long.MAX_VALUE, new BigDecimal("0.0068"))));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void longCounter(Blackhole bh) {
        LongCounter counters = new LongCounter();
        long units = 0;
        for (int i = 0; i < EVENTS; i++) {
            long key = ((long) 1 << 60) | ((long) portfolio[i] << 36) | ((long) market[i] << 26) | ((long) family[i] << 24)
                    | month[i];
            long n = counters.increment(key);
            units += bands.unitsAt(bands.indexOf(n));
        }
        bh.consume(units);
    }

    record TierKey(int portfolio, int market, int family, int month) {}

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void hashMapBaseline(Blackhole bh) {
        HashMap<Object, Object> counters = new HashMap<>();
        long units = 0;
        for (int i = 0; i < EVENTS; i++) {
            Object key = new TierKey(portfolio[i], market[i], family[i], month[i]);
            long n = (Long) counters.merge(key, 1L, (a, b) -> (Long) a + (Long) b);
            units += bands.unitsAt(bands.indexOf(n));
        }
        bh.consume(units);
    }
}
