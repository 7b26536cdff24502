package io.wabill.spark;

import io.wabill.app.FlagNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Runs {@code wabill simulate} (the command line itself) and {@code wabill-spark simulate}, and reads what they wrote. */
final class Runs {
    record Outcome(int code, String out, String err) {}

    private Runs() {}

    /**
     * {@code wabill simulate} as the command line runs it: the application layer's {@code SimulationRun} with the
     * command line's flag names in messages, on one thread (the job is compared with the single-threaded bytes; the
     * lanes are byte-identical to them, app's own tests say). The arguments are {@code wabill-spark}'s, which are
     * {@code simulate}'s.
     */
    static Outcome wabill(List<String> args) {
        try {
            SimulateOptions o = new SimulateOptions();
            String[] a = args.subList(1, args.size()).toArray(new String[0]);
            new picocli.CommandLine(o).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(a);
            PricingInputs in = PricingInputs.of(JobSettings.of(a, o));
            List<Path> logs = new ArrayList<>();
            for (String l : o.logs) logs.add(Path.of(l));
            io.wabill.app.SimulationRun.Settings s = new io.wabill.app.SimulationRun.Settings(logs, in.catalog, in.accounts,
                    in.pricing, o.onError == SimulateOptions.OnError.SKIP, o.statusHorizon, 5_000_000L, Path.of(o.out), true,
                    io.wabill.report.CsvDialect.UNIX, o.mask(), null);
            io.wabill.app.SimulationRun.Result r = new io.wabill.app.SimulationRun(s).withWording(FlagNames::of).run();
            return new Outcome(0, r.rowsIn() + " rows in", "");
        } catch (io.wabill.data.log.LogFormatException | UserException | io.wabill.app.UserException e) {
            return new Outcome(1, "", "wabill: " + e.getMessage());
        } catch (IOException e) {
            return new Outcome(1, "", "wabill: " + e.getMessage());
        }
    }

    static Outcome spark(List<String> args) {
        SparkTestSession.get();
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = SparkMain.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Both runs on the same inputs, both succeeding: {@code simulate} into OUT/wabill, the job into OUT/spark. */
    static void both(Path work, List<String> inputs, String... sparkOnly) {
        List<String> w = new ArrayList<>(List.of("simulate"));
        w.addAll(inputs);
        w.addAll(List.of("--out", work.resolve("wabill").toString()));
        Outcome a = wabill(w);
        assertEquals(0, a.code(), "simulate failed:\n" + a.err() + a.out());
        List<String> s = new ArrayList<>(List.of("simulate"));
        s.addAll(inputs);
        s.addAll(List.of("--out", work.resolve("spark").toString()));
        s.addAll(Arrays.asList(sparkOnly));
        Outcome b = spark(s);
        assertEquals(0, b.code(), "wabill-spark failed:\n" + b.err() + b.out());
    }

    static String text(Path p) throws IOException { return Files.readString(p, StandardCharsets.UTF_8); }

    /** simulate's ledger rows, without the header, sorted (the job writes them in another order). */
    static List<String> wabillLedger(Path out) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("ledger.csv"), StandardCharsets.UTF_8));
        lines.remove(0);
        lines.sort(null);
        return lines;
    }

    /** The job's CSV ledger rows: every part file must start with simulate's header. */
    static List<String> sparkCsvLedger(Path out, String header) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.list(out.resolve("ledger"))) {
            for (Path part : s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                assertTrue(part.getFileName().toString().endsWith(".csv"), part.toString());
                List<String> rows = Files.readAllLines(part, StandardCharsets.UTF_8);
                assertEquals(header, rows.get(0), "the header of " + part);
                lines.addAll(rows.subList(1, rows.size()));
            }
        }
        lines.sort(null);
        return lines;
    }

    /** The tables besides the ledger that both write, byte for byte the same. */
    static final List<String> TABLES = List.of("summary.csv", "daily.csv", "tiers.csv", "templates.csv", "accounting.csv");

    /** Asserts that the job's tables are simulate's, byte for byte. */
    static void assertSameTables(Path wabillOut, Path sparkOut) throws IOException {
        for (String t : TABLES) assertEquals(text(wabillOut.resolve(t)), text(sparkOut.resolve(t)), t);
    }

    static String header(Path wabillOut) throws IOException {
        return Files.readAllLines(wabillOut.resolve("ledger.csv"), StandardCharsets.UTF_8).get(0);
    }
}
