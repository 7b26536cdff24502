package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code ./wabill …} line of the README's code blocks, as written, in an empty folder (a fresh clone's
 * state: the bundled cards and presets only), each in its own JVM with that folder as its working directory.
 *
 * <p>What a user brings is stood in for here: their message logs and accounts file (generated), stored webhooks and
 * a saved analytics response (the reconcile test fixtures) and the rate card they downloaded from Meta (Meta's CSV
 * layout, filled with the conformance card's rates: a stand-in, not Meta's figures). Files the README's own commands
 * make (messages.csv, my-cards, params.yaml…) are made by those commands. An example whose input a later example
 * makes is run again after the others. The one change to a command line: a forecast runs once ({@code --runs 1}) on a
 * tenth of the customers ({@code --scale 0.1}) unless it sets a scale, since more runs and customers repeat the same
 * pricing and only take longer (the full forecasts take minutes).
 */
class ReadmeExamplesTest {
    static final Path README = Path.of("..", "README.md");

    /** The {@code ./wabill} lines of the README's fenced code blocks, split as a shell would split them. */
    static List<List<String>> examples() throws IOException {
        List<List<String>> found = new ArrayList<>();
        boolean code = false;
        StringBuilder continued = null;
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                code = !code;
                continued = null;
                continue;
            }
            if (!code) continue;
            if (continued == null && !line.startsWith("./wabill ")) continue;
            // A line ending in a backslash goes on on the next line, as in a shell.
            boolean goesOn = line.endsWith("\\");
            String part = goesOn ? line.substring(0, line.length() - 1) : line;
            continued = continued == null ? new StringBuilder(part) : continued.append(' ').append(part.strip());
            if (goesOn) continue;
            found.add(shellWords(continued.substring("./wabill ".length())));
            continued = null;
        }
        return found;
    }

    /** Words as a POSIX shell splits them: quotes group, a {@code #} after a space starts a comment. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
            } else if (c == '"' || c == '\'') {
                if (w == null) w = new StringBuilder();
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (w != null) words.add(w.toString());
                w = null;
            } else if (c == '#' && w == null) {
                break;
            } else {
                if (w == null) w = new StringBuilder();
                w.append(c);
            }
        }
        if (w != null) words.add(w.toString());
        return words;
    }

    @Test
    void theExamplesAreFound() throws IOException {
        List<List<String>> all = examples();
        assertTrue(all.size() >= 25, "README examples found: " + all.size());
        assertEquals(List.of("compare", "messages.csv", "--strategy", "quiet-hours;conversation-first:defer=12h", "--xlsx",
                "compare.xlsx"), all.stream().filter(e -> e.contains("quiet-hours;conversation-first:defer=12h")).findFirst().orElseThrow());
    }

    @Test
    void everyExampleRunsAsWrittenInAFreshFolder(@TempDir Path dir) throws Exception {
        standIns(dir);
        Map<String, List<String>> pending = new LinkedHashMap<>();
        for (List<String> e : examples()) pending.put(String.join(" ", e), forecastWithOneRun(e));
        Map<String, String> failures = new TreeMap<>();
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            failures.clear();
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                long started = System.nanoTime();
                String failure = runInFolder(dir, e.getValue());
                System.out.printf("README example (%.1f s): ./wabill %s%n", (System.nanoTime() - started) / 1e9, e.getKey());
                if (failure == null) {
                    it.remove();
                    progress = true;
                } else {
                    failures.put(e.getKey(), failure);
                }
            }
        }
        assertTrue(pending.isEmpty(), () -> "README examples that fail:\n" + String.join("\n\n",
                failures.entrySet().stream().map(f -> "./wabill " + f.getKey() + "\n" + f.getValue()).toList()));
    }

    private static List<String> forecastWithOneRun(List<String> e) {
        List<String> args = new ArrayList<>(e);
        if (!args.get(0).equals("forecast")) return args;
        int i = args.indexOf("--runs");
        if (i >= 0) args.set(i + 1, "1");
        else args.addAll(List.of("--runs", "1"));
        if (!args.contains("--scale")) args.addAll(List.of("--scale", "0.1"));
        return args;
    }

    /** Runs wabill in its own JVM in {@code dir}; null on success, else the exit code and output. */
    private static String runInFolder(Path dir, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        Path log = Files.createTempFile(dir.getParent(), "readme-example", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "timed out";
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ":\n" + output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The files a user would bring, made here (see the class comment). */
    static void standIns(Path dir) throws Exception {
        generate(dir, "jan.csv.gz", "2027-01-01", "2027-01-07");
        generate(dir, "feb.csv.gz", "2027-02-01", "2027-02-07");
        generate(dir, "history.csv.gz", "2026-08-01", "2026-10-31");
        generate(dir, "log-2025-08.csv", "2025-08-01", "2025-08-07");
        Files.writeString(dir.resolve("volumes.csv"), "month,market,category,messages\n2026-10,Brazil,marketing,120000\n"
                + "2026-10,Brazil,utility,80000\n2026-10,India,authentication,3000000\n", StandardCharsets.UTF_8);
        // The provider's price list of the README's "The bill as paid" section.
        Files.writeString(dir.resolve("fees.csv"), "from,category,per_message,percent,currency\n2026-01-01,*,0.001,,USD\n"
                + "2026-01-01,marketing,0.002,3,USD\n2026-10-01,*,0.0012,,USD\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("accounts.csv"), "account,time_zone,currency,business_country\n"
                + "default,America/Sao_Paulo,USD,BR\n", StandardCharsets.UTF_8);
        gzip(ReconcileTest.resource("webhooks/agree/cbp2-2024.jsonl"), dir.resolve("hooks-2025-08.jsonl.gz"));
        gzip(ReconcileTest.resource("webhooks/agree/pmp-2025.json"), dir.resolve("hooks-2025-09.jsonl.gz"));
        gzip(ReconcileTest.resource("webhooks/agree/pmp-2025.json"), dir.resolve("hooks.jsonl.gz"));
        Files.copy(ReconcileTest.resource("webhooks/agree/pricing-analytics-2025-09.json"), dir.resolve("pricing-2025-09.json"));
        Path card = ReconcileTest.resource("conformance/rates/meta-rates-USD-2020-01-01.csv");
        metaCard(card, "conversation", "February 1, 2025", dir.resolve("USD rates February 2025.csv"));
        metaCard(card, "message", "July 1, 2025", dir.resolve("USD rates July 2025.csv"));
    }

    private static void generate(Path dir, String name, String from, String to) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new String[] {"generate", "--scenario", "ecommerce-br", "--from", from, "--to", to, "--scale", "0.02",
            "--out", dir.resolve(name).toString(), "-q"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
    }

    private static void gzip(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from); OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            in.transferTo(out);
        }
    }

    /** A card in the layout of Meta's download (title row, header, one row per market, n/a where none). */
    private static void metaCard(Path normalized, String unit, String effective, Path to) throws IOException {
        enum Col { MARKETING, UTILITY, AUTHENTICATION, AUTHENTICATION_INTERNATIONAL, SERVICE }
        Map<String, EnumMap<Col, String>> rates = new TreeMap<>();
        for (CsvTable.Row r : CsvTable.read(normalized)) {
            if (!r.get("tier_from").equals("1")) continue;
            Col c;
            try {
                c = Col.valueOf(r.get("category").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException notPerMessage) {
                continue;
            }
            rates.computeIfAbsent(r.get("market"), k -> new EnumMap<>(Col.class)).put(c, r.get("rate"));
        }
        try (Writer w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            w.write("\"Cost per " + unit + " in USD on the WhatsApp Business Platform, effective " + effective + "\",,,,,,\n\n");
            w.write("Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service\n");
            for (var m : rates.entrySet()) {
                StringBuilder b = new StringBuilder(m.getKey().contains(",") ? "\"" + m.getKey() + "\"" : m.getKey()).append(",$US");
                for (Col c : Col.values()) b.append(',').append(m.getValue().getOrDefault(c, "n/a"));
                w.write(b.append('\n').toString());
            }
        }
    }
}
