package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar PipelineBenchmark -f 1 -wi 1 -i 3 -prof gc
// (writes the log, 500k rows of issue 14's shape, to $TMPDIR/wabill-bench/ once)

import io.wabill.bench.e2e.PmpLog;
import io.wabill.cli.Main;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * summary.csv and, with {@code ledger}, ledger.csv. One operation is one row, so the score is rows per second and
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes allocated per row (the run's fixed costs, the card and
 * command line, spread over its rows). Each invocation is a whole run; the warm-up iteration gives the JIT a run.
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

    @Setup(Level.Trial)
    public void log() throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "wabill-bench"));
        log = dir.resolve("pmp-" + ROWS + "-v1.csv");
        cards = Files.createDirectories(dir.resolve("pmp-cards"));
        PmpLog.writeCard(cards.resolve("meta-rates-USD-2025-07-01.csv"));
        if (!Files.exists(log)) {
            Path partial = dir.resolve(log.getFileName() + ".partial");
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                PmpLog.write(ROWS, 50_000, 20251001L, o);
            }
            Files.move(partial, log, StandardCopyOption.REPLACE_EXISTING);
        }
        out = Files.createTempDirectory("wabill-bench-out");
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int simulate() {
        List<String> args = new ArrayList<>(List.of("simulate", log.toString(), "--rates", cards.toString(), "--out",
                out.toString(), "--quiet", "--threads", "1"));
        if (!ledger) args.add("--no-ledger");
        StringWriter text = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(text), new PrintWriter(text));
        if (code != 0) throw new IllegalStateException("simulate failed (" + code + "): " + text);
        return code;
    }
}
