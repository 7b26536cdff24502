package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How commands behave on hostile input and options (issue 12, items 4 and 6): every row accounted for with
 * {@code --on-error skip} in compare and forecast too, every I/O failure one line naming the file, input text escaped in
 * messages, option values checked (exit 2), options that do not apply refused, Unicode paths under {@code LC_ALL=C}.
 */
class CommandBehaviourTest {
    static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category,status";
    /** A template dated before any bundled card: no card can price it. */
    static final String UNPRICEABLE = "2010-01-01T09:00:00Z,m0,5511940000001,5511987600009,outbound,template,utility,";

    @TempDir Path work;

    private Path log(String name, String... rows) throws IOException {
        return Files.writeString(work.resolve(name), HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    }

    private Path goodLog(String name, String... more) throws IOException {
        List<String> rows = new ArrayList<>(List.of(
                "2026-10-01T09:00:00Z,m1,5511940000001,5511987600001,outbound,template,utility,",
                "2026-10-01T09:00:30Z,,5511940000001,5511987600002,inbound,message,,",
                "2026-10-01T09:01:00Z,m2,5511940000001,5511987600002,outbound,template,marketing,",
                "2026-10-01T09:02:00Z,m2,5511940000001,5511987600002,outbound,template,marketing,delivered"));
        rows.addAll(List.of(more));
        rows.sort(null);
        return log(name, rows.toArray(new String[0]));
    }

    private static void assertOneLine(CliRun r, int code) {
        assertEquals(code, r.exitCode(), r.describe());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace or class name: " + r.err());
    }

    // ---- item 4: --on-error skip accounts for every row, compare and forecast included ----

    @Test
    void compareSkipsARowItCannotPriceInEveryScenarioAndEveryScenarioAddsUp() throws Exception {
        Path log = goodLog("log.csv", UNPRICEABLE);
        Path out = work.resolve("out");
        CliRun r = CliRun.of("compare", log.toString(), "--strategy", "window-aware-utility", "--strategy",
                "conversation-first:defer=12h", "--on-error", "skip", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.describe());
        List<CsvTable.Row> errors = CsvTable.read(out.resolve("errors.csv"));
        assertEquals(3, errors.size(), "the row, once per scenario (strategies move it to different instants)");
        JsonNode rows = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("rows");
        long in = rows.get("rows_in").asLong();
        assertEquals(5, in);
        for (int s = 1; s <= 3; s++) {
            String p = "scenario_" + s + "_";
            // A message still held when the log ended is priced at its last instant: it has its ledger row.
            assertEquals(in, rows.get(p + "ledger_rows").asLong() + rows.get(p + "status_rows_merged").asLong()
                    + rows.get(p + "rows_skipped").asLong() + rows.get(p + "dropped").asLong(),
                    "scenario " + s + ": " + rows);
            assertEquals(1, rows.get(p + "rows_skipped").asLong(), "scenario " + s);
        }
        CliRun stop = CliRun.of("compare", log.toString(), "--strategy", "window-aware-utility", "--out",
                work.resolve("stop").toString(), "--quiet");
        assertOneLine(stop, 1);
        assertTrue(stop.err().contains("log.csv:2"), stop.err());
    }

    @Test
    void forecastSkipsGeneratedMessagesNoCardCanPriceAndCountsThem() throws Exception {
        Path out = work.resolve("out");
        String[] args = {"forecast", "--scenario", "ecommerce-br", "--months", "1", "--start", "2020-01-01", "--runs", "2",
            "--scale", "0.02", "--seed", "1", "--threads", "2", "--out", out.toString(), "--quiet"};
        CliRun stop = CliRun.of(args);
        assertOneLine(stop, 1);
        assertTrue(stop.err().contains("no USD rates for 2020-01"), stop.err());
        List<String> skip = new ArrayList<>(Arrays.asList(args));
        skip.addAll(List.of("--on-error", "skip"));
        CliRun r = CliRun.of(skip.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode m = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        long unpriced = m.get("rows").get("messages_unpriced").asLong();
        assertTrue(unpriced > 0, m.toString());
        assertTrue(r.out().contains("generated message(s) no card or rate could price"), r.out());
        byte[] first = Files.readAllBytes(out.resolve("errors.csv"));
        assertEquals(0, CliRun.of(skip.toArray(new String[0])).exitCode());
        assertTrue(Arrays.equals(first, Files.readAllBytes(out.resolve("errors.csv"))), "errors.csv does not depend on thread timing");
    }

    @Test
    void forecastFittingALogWithABadRowSkipsItAndCountsIt() throws Exception {
        Path generated = work.resolve("history.csv");
        assertEquals(0, CliRun.of("generate", "--scenario", "ecommerce-br", "--from", "2026-10-01", "--to", "2026-10-31",
                "--scale", "0.03", "--seed", "3", "--out", generated.toString(), "--quiet").exitCode());
        Files.writeString(generated, "2026-10-31T23:59:59Z,zz1,5511940000001,5511987600003,sideways,template,utility,,,,,\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path out = work.resolve("out");
        String[] args = {"forecast", "--fit", generated.toString(), "--months", "1", "--runs", "1", "--out", out.toString(), "--quiet"};
        CliRun stop = CliRun.of(args);
        assertOneLine(stop, 1);
        assertTrue(stop.err().contains("sideways"), stop.err());
        List<String> skip = new ArrayList<>(Arrays.asList(args));
        skip.addAll(List.of("--on-error", "skip"));
        CliRun r = CliRun.of(skip.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.describe());
        List<CsvTable.Row> errors = CsvTable.read(out.resolve("errors.csv"));
        assertEquals(1, errors.size());
        JsonNode rows = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("rows");
        assertEquals(1, rows.get("fit_rows_skipped").asLong(), rows.toString());
        assertEquals(Files.readAllLines(generated).size() - 1, rows.get("fit_rows_in").asLong(), rows.toString());
    }

    // ---- item 6: I/O failures are one line naming the file ----

    @Test
    void aLogNamedGzThatIsNotGzipIsOneLineNamingIt() throws Exception {
        Path fake = Files.writeString(work.resolve("log.csv.gz"), HEADER + "\n");
        CliRun r = CliRun.simulate(List.of(fake), work.resolve("out"));
        assertOneLine(r, 1);
        assertTrue(r.err().contains(fake.toString()) && r.err().toLowerCase(java.util.Locale.ROOT).contains("not in gzip format"), r.err());
    }

    @Test
    void aTruncatedGzipLogIsOneLineNamingIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(Files.readAllBytes(goodLog("plain.csv")));
        }
        byte[] all = bytes.toByteArray();
        Path cut = Files.write(work.resolve("cut.csv.gz"), Arrays.copyOf(all, all.length - 30));
        CliRun r = CliRun.simulate(List.of(cut), work.resolve("out"));
        assertOneLine(r, 1);
        assertTrue(r.err().contains(cut.toString()) && r.err().contains("gzip"), r.err());
    }

    @Test
    void aWebhookGzipBombIsRefusedAndListedNotRead() throws Exception {
        Path bomb = work.resolve("hooks.jsonl.gz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 80; i++) gz.write(spaces); // 80 MB from about 80 kB
        }
        CliRun r = CliRun.of("import", "webhooks", bomb.toString(), "--out", work.resolve("log.csv").toString());
        // The import goes on with the other files; the bomb is an unreadable file in the import's errors.
        assertEquals(0, r.exitCode(), r.describe());
        String errors = Files.readString(work.resolve("log.import-errors.csv"));
        assertTrue(errors.contains(bomb.toString()) && errors.contains("gzip bomb"), errors);
    }

    @Test
    void anOutFolderThatIsAFileOrAGenerateTargetThatIsAFolderIsOneLine() throws Exception {
        Path file = Files.writeString(work.resolve("afile"), "x");
        CliRun r = CliRun.simulate(List.of(goodLog("log.csv")), file);
        assertOneLine(r, 1);
        assertTrue(r.err().contains(file + " is a file, not a folder"), r.err());
        CliRun g = CliRun.of("generate", "--scenario", "ecommerce-br", "--from", "2026-10-01", "--to", "2026-10-01",
                "--scale", "0.01", "--out", work.toString(), "--quiet");
        assertOneLine(g, 1);
        assertTrue(g.err().contains("is a folder"), g.err());
    }

    @Test
    void aFolderThatCannotBeWrittenIsOneLineNamingIt() throws Exception {
        Path locked = Files.createDirectories(work.resolve("locked"));
        assertTrue(locked.toFile().setWritable(false, false));
        try {
            Assumptions.assumeFalse(Files.isWritable(locked), "permissions do not bind this user (root)");
            CliRun r = CliRun.simulate(List.of(goodLog("log.csv")), locked.resolve("out"));
            assertOneLine(r, 1);
            assertTrue(r.err().contains(locked.toString()) && r.err().contains("permission denied"), r.err());
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void reconcileOnALogWithAnUnbalancedQuoteIsOneLineNamingIt() throws Exception {
        Path log = Files.writeString(work.resolve("q.csv"), "timestamp,message_id,business,customer,direction,kind,meta_pricing_type\n"
                + "2026-10-01T09:00:00Z,\"m1,5511940000001,5511987600001,outbound,template,regular\n");
        CliRun r = CliRun.of("reconcile", log.toString(), "--out", work.resolve("out").toString(), "--quiet");
        assertOneLine(r, 1);
        assertTrue(r.err().contains(log.toString()), r.err());
    }

    // ---- item 6: text from input escaped in messages ----

    @Test
    void escapeSequencesInAHeaderOrACellNeverReachTheTerminal() throws Exception {
        String clear = "\u001b[2J\u001b]0;owned\u0007";
        Path header = Files.writeString(work.resolve("h.csv"), "timestamp,business," + clear + ",direction,kind\n");
        CliRun h = CliRun.simulate(List.of(header), work.resolve("out"));
        assertEquals(1, h.exitCode(), h.describe());
        assertFalse(h.err().contains("\u001b") || h.err().contains("\u0007"), "escaped: " + h.err());
        assertTrue(h.err().contains("\\x1B[2J"), h.err());
        Path cell = goodLog("c.csv", "2026-10-01T09:05:00Z,m9,5511940000001,5511987600001,out\u001b[31mbound\r,template,utility,");
        CliRun c = CliRun.simulate(List.of(cell), work.resolve("out"));
        assertOneLine(c, 1);
        assertFalse(c.err().contains("\u001b") || c.err().contains("\r"), "escaped: " + c.err());
        assertTrue(c.err().contains("out\\x1B[31mbound"), c.err());
    }

    @Test
    void aHeaderNamingAColumnTwiceIsAnInputError() throws Exception {
        Path log = Files.writeString(work.resolve("dup.csv"), "timestamp,business,customer,direction,kind,customer\n"
                + "2026-10-01T09:00:00Z,5511940000001,5511987600001,inbound,message,5511987600002\n");
        CliRun r = CliRun.simulate(List.of(log), work.resolve("out"));
        assertOneLine(r, 1);
        assertTrue(r.err().contains("dup.csv:1") && r.err().contains("customer more than once"), r.err());
    }

    @Test
    void aColumnWithoutANameIsNotCalledColumnColumn() throws Exception {
        byte[] bad = (HEADER + "\n2026-10-01T09:00:00Z,m1,5511940000001,5511987600001,outbound,template,utility,\n"
                + "2026-10-01T09:01:00Z,m\u0000").getBytes(StandardCharsets.UTF_8);
        byte[] withLatin1 = new byte[bad.length + 3];
        System.arraycopy(bad, 0, withLatin1, 0, bad.length);
        withLatin1[bad.length - 1] = (byte) 0xE9; // not UTF-8
        withLatin1[bad.length] = ',';
        withLatin1[bad.length + 1] = 'x';
        withLatin1[bad.length + 2] = '\n';
        Path log = Files.write(work.resolve("latin1.csv"), withLatin1);
        CliRun r = CliRun.simulate(List.of(log), work.resolve("out"));
        assertEquals(1, r.exitCode(), r.describe());
        assertFalse(r.err().contains("column column"), r.err());
    }

    // ---- item 6: option values and options that do not apply ----

    @ParameterizedTest
    @ValueSource(strings = {"--top-markets=0", "--agent-rate=USD=-1", "--max-unsorted-rows=-1", "--top-markets=x"})
    void anImpossibleOptionValueIsAUsageError(String option) throws Exception {
        CliRun r = CliRun.simulate(List.of(goodLog("log.csv")), work.resolve("out"), option);
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.describe());
        assertFalse(Files.exists(work.resolve("out")), "nothing written");
    }

    @Test
    void forecastAndGenerateRefuseANegativeUnsortedRowLimit() throws Exception {
        CliRun f = CliRun.of("forecast", "--scenario", "ecommerce-br", "--max-unsorted-rows", "-1", "--out", work.toString());
        assertEquals(ExitCodes.USAGE, f.exitCode(), f.describe());
        CliRun g = CliRun.of("generate", "--scenario", "ecommerce-br", "--max-unsorted-rows", "-1", "--out", work.resolve("l.csv").toString());
        assertEquals(ExitCodes.USAGE, g.exitCode(), g.describe());
    }

    @Test
    void optionsACommandDoesNotUseAreRefusedAndNotListed() throws Exception {
        Path log = goodLog("log.csv");
        for (String option : List.of("--report", "--charts", "--focus")) {
            CliRun r = CliRun.of("reconcile", log.toString(), option, work.resolve("x").toString(), "--out", work.resolve("o").toString());
            assertEquals(ExitCodes.USAGE, r.exitCode(), option + ": " + r.describe());
            assertTrue(r.err().contains(option + " does not apply") && r.err().contains("simulate"), r.err());
        }
        CliRun focus = CliRun.of("compare", log.toString(), "--focus", work.resolve("f.csv").toString(), "--out", work.resolve("o").toString());
        assertEquals(ExitCodes.USAGE, focus.exitCode(), focus.describe());
        assertTrue(focus.err().contains("simulate"), focus.err());
        String compareHelp = CliRun.of("compare", "--help").out();
        assertFalse(compareHelp.contains("--focus") || compareHelp.contains("--no-ledger") || compareHelp.contains("--top-markets"), compareHelp);
        assertTrue(compareHelp.contains("--charts") && compareHelp.contains("--report"), compareHelp);
        String reconcileHelp = CliRun.of("reconcile", "--help").out();
        assertFalse(reconcileHelp.contains("--charts") || reconcileHelp.contains("--report") || reconcileHelp.contains("--focus"), reconcileHelp);
        assertFalse(Files.exists(work.resolve("o")), "nothing written");
    }

    @Test
    void theDemoHonoursATimeZoneGivenEvenUtc() throws Exception {
        CliRun r = CliRun.of("demo", "--time-zone", "UTC", "--out", work.resolve("out").toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("(time zone UTC,"), r.out());
    }

    // ---- item 6: Unicode paths under LC_ALL=C, through the launcher ----

    @Test
    void theLauncherHandlesUnicodePathsUnderAnAsciiLocale() throws Exception {
        Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("wabill");
        Assumptions.assumeTrue(Files.isExecutable(launcher), "the launcher is at the project root");
        Assumptions.assumeTrue(hasUtf8Locale(), "this system has no UTF-8 locale to switch to");
        Path folder = Files.createDirectories(work.resolve("relatórios ünï"));
        Path log = goodLog("tmp.csv");
        Path named = Files.move(log, folder.resolve("mensagens-março.csv"));
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "simulate", named.toString(), "--out",
                folder.resolve("saída").toString(), "--quiet").redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("LANG");
        pb.environment().put("WABILL_CLASSPATH", System.getProperty("java.class.path"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        assertTrue(Files.exists(folder.resolve("saída").resolve("ledger.csv")), output);
    }

    private static boolean hasUtf8Locale() {
        try {
            Process p = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
            String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
            p.waitFor(1, TimeUnit.MINUTES);
            return all.contains("c.utf8") || all.contains("c.utf-8") || all.contains("en_us.utf8") || all.contains("en_us.utf-8");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
