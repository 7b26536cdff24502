package io.wabill.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One {@code wabill} command line run in-process through {@link Main#run}, with what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** {@code wabill simulate LOGS --out OUT --quiet EXTRA…}. */
    static CliRun simulate(List<Path> logs, Path out, String... extra) {
        List<String> args = new ArrayList<>();
        args.add("simulate");
        for (Path p : logs) args.add(p.toString());
        args.addAll(List.of("--out", out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        return of(args.toArray(new String[0]));
    }

    /** The conformance test card's folder (round rates, small Brazil bands). */
    static Path testRates() throws Exception {
        return ConformanceTest.folder().resolve("rates");
    }

    String describe() { return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err; }
}
