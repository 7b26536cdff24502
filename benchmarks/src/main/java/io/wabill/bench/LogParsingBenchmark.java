package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar LogParsingBenchmark -f 1 -wi 2 -i 3 -prof gc

import io.wabill.data.log.ByteCsvScanner;
import io.wabill.data.log.LogReader;
import io.wabill.data.log.RowErrorHandler;
import io.wabill.sim.events.LogRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
 * (d) Parsing the canonical log: a generated 1M-row file (105 MB, in the page cache after the first pass)
 * read into {@link LogRow}s by {@link LogReader}; its scanner alone; and the baseline, Apache Commons CSV's
 * RFC 4180 parser over the same decoding reader, which only splits records (it does not even build rows).
 * Score: rows/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class LogParsingBenchmark {
    static final int ROWS = 1_000_000;
    Path file;

    @Setup(Level.Trial)
    public void file() throws IOException { file = BenchLogs.log(ROWS, 4); }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void logReader(Blackhole bh) throws IOException {
        try (LogReader r = new LogReader(file, 0, RowErrorHandler.STOP)) {
            for (LogRow row = r.next(); row != null; row = r.next()) bh.consume(row);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void scannerOnly(Blackhole bh) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ByteCsvScanner s = new ByteCsvScanner(in, Integer.MAX_VALUE - 16);
            while (s.next()) bh.consume(s.size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void commonsCsvBaseline(Blackhole bh) throws IOException {
        try (BufferedReader in = reader();
             CSVParser p = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(in)) {
            for (CSVRecord r : p) bh.consume(r);
        }
    }

    private BufferedReader reader() throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
    }
}
