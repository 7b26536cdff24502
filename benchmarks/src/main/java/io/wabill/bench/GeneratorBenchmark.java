// Run: ./mvnw -o -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar GeneratorBenchmark
package io.wabill.bench;

import io.wabill.data.rates.CatalogLoader;
import io.wabill.data.traffic.GeneratedRow;
import io.wabill.data.traffic.LogCsvWriter;
import io.wabill.data.traffic.TrafficGenerator;
import io.wabill.data.traffic.TrafficModel;
import io.wabill.data.traffic.TrafficPresets;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rows per second of {@code wabill generate} on one thread: a week of a preset's traffic generated, sorted and
 * written as CSV bytes into a sink that only counts them (no disk, no gzip), so the figure is the generator's
 * own. The {@code rows} counter is reported as a throughput, in rows per second. {@code countOnly} measures the
 * traffic model and sorting alone, without CSV formatting.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class GeneratorBenchmark {
    @Param({"ecommerce-br", "fintech-otp-in", "multi-market-global"})
    public String preset;

    private TrafficModel model;
    private TrafficGenerator.Plan plan;
    private long seed;

    /** Rows emitted, summed by JMH over the iteration and reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rows {
        public long rows;

        @Setup(Level.Iteration) public void reset() { rows = 0; }
    }

    /** Counts bytes and keeps the last one, so the writes cannot be optimised away. */
    static final class CountingSink extends OutputStream {
        long bytes;
        int last;

        @Override public void write(int b) { bytes++; last = b; }

        @Override public void write(byte[] b, int off, int len) { bytes += len; last = b[off + len - 1]; }
    }

    @Setup(Level.Trial)
    public void setup() throws Exception {
        model = TrafficPresets.load(preset, CatalogLoader.bundledMarkets(new ArrayList<>()));
        plan = new TrafficGenerator.Plan(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 13), 1, 0, 1);
    }

    @Benchmark
    public long csv(Rows counter) throws IOException {
        CountingSink sink = new CountingSink();
        TrafficGenerator g = new TrafficGenerator(model, new TrafficGenerator.Plan(plan.from(), plan.to(), 1, 0, ++seed));
        try (LogCsvWriter w = new LogCsvWriter(sink, model)) {
            counter.rows += g.run(w);
        }
        return sink.bytes + sink.last;
    }

    @Benchmark
    public void countOnly(Rows counter, Blackhole bh) throws IOException {
        TrafficGenerator g = new TrafficGenerator(model, new TrafficGenerator.Plan(plan.from(), plan.to(), 1, 0, ++seed));
        counter.rows += g.run((GeneratedRow r) -> bh.consume(r.at()));
    }
}
