package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar SimulateBenchmark -f 1 -wi 0 -i 1
// (the first run writes the 10M-row log, about 1 GB, to $TMPDIR/wabill-bench/ and reuses it afterwards)

import io.wabill.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * (e) {@code wabill simulate} end to end, one shot, exactly as the command line runs it: a generated,
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

    @Setup(Level.Trial)
    public void log() throws IOException {
        log = BenchLogs.log(rows, 4);
        out = Files.createTempDirectory("wabill-bench-out");
    }

    @Benchmark
    public int simulate() {
        List<String> args = new ArrayList<>(List.of("simulate", log.toString(), "--accounts",
                BenchLogs.accounts(log).toString(), "--out", out.toString(), "--quiet", "--threads", Integer.toString(threads)));
        if (!ledger) args.add("--no-ledger");
        StringWriter text = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(text), new PrintWriter(text));
        if (code != 0) throw new IllegalStateException("simulate failed (" + code + "): " + text);
        return code;
    }
}
