package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output set is one commit (issue 12, items 1 and 7), through the commands as a user runs them: a folder never mixes
 * two runs, a failed, killed or refused run leaves nothing that looks complete, run.json matches the files, and every
 * target is checked before the first byte.
 */
class OutputSetsTest {
    /** The empty hidden file a run locks; it stays (see FileLocks). */
    static final String LOCK = ".wabill.lock";
    static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category,status";

    @TempDir Path work;

    private Path log(String name, String... rows) throws IOException {
        return Files.writeString(work.resolve(name), HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    }

    /** Two good templates and, with {@code bad}, a row of an unknown direction. */
    private Path smallLog(String name, boolean bad) throws IOException {
        List<String> rows = new ArrayList<>(List.of(
                "2026-10-01T09:00:00Z,m1,5511940000001,5511987600001,outbound,template,utility,",
                "2026-10-01T09:01:00Z,m2,5511940000001,5511987600002,outbound,template,marketing,"));
        if (bad) rows.add("2026-10-01T09:02:00Z,m3,5511940000001,5511987600003,sideways,template,utility,");
        return log(name, rows.toArray(new String[0]));
    }

    private static List<String> visible(Path folder) throws IOException {
        if (!Files.exists(folder)) return List.of();
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    /** Every file run.json names is there with its size and hash, and every file in the folder is named. */
    static JsonNode assertManifestMatches(Path out) throws Exception {
        JsonNode m = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        List<String> named = new ArrayList<>();
        for (JsonNode f : m.get("files")) {
            Path p = out.resolve(f.get("path").asText()).normalize();
            assertTrue(Files.isRegularFile(p), "run.json names " + p);
            assertEquals(f.get("bytes").asLong(), Files.size(p), p.toString());
            assertEquals(f.get("sha256").asText(), sha256(p), p.toString());
            if (p.getParent().equals(out.toAbsolutePath().normalize())) named.add(p.getFileName().toString());
        }
        named.add("run.json");
        List<String> present = new ArrayList<>();
        for (String n : visible(out)) if (Files.isRegularFile(out.resolve(n)) && !n.equals(LOCK)) present.add(n);
        assertEquals(named.stream().sorted().toList(), present, "the folder holds exactly the files of one run");
        return m;
    }

    @Test
    void aSecondRunWithNoLedgerRemovesTheFirstRunsLedgerAndErrors() throws Exception {
        Path out = work.resolve("out");
        CliRun first = CliRun.simulate(List.of(smallLog("a.csv", true)), out, "--on-error", "skip");
        assertEquals(0, first.exitCode(), first.describe());
        assertTrue(Files.exists(out.resolve("ledger.csv")) && Files.exists(out.resolve("errors.csv")));
        Files.writeString(out.resolve("notes.txt"), "the user's own file");
        CliRun second = CliRun.simulate(List.of(smallLog("b.csv", false)), out, "--no-ledger");
        assertEquals(0, second.exitCode(), second.describe());
        assertFalse(Files.exists(out.resolve("ledger.csv")), "the first run's ledger is gone");
        assertFalse(Files.exists(out.resolve("errors.csv")), "the first run's errors are gone");
        assertTrue(Files.exists(out.resolve("notes.txt")), "a file wabill did not write is never removed");
        Files.delete(out.resolve("notes.txt"));
        JsonNode m = assertManifestMatches(out);
        assertEquals(0, m.get("rows").get("rows_skipped").asLong());
        assertTrue(Files.readString(out.resolve("accounting.csv")).contains("rows_skipped,0"), Files.readString(out.resolve("accounting.csv")));
    }

    @Test
    void theManifestNamesTheCommandItsInputsAndTheRowAccounting() throws Exception {
        Path out = work.resolve("out");
        Path log = smallLog("a.csv", true);
        CliRun r = CliRun.simulate(List.of(log), out, "--on-error", "skip", "--mask-salt", "secret", "--mask-customers");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode m = assertManifestMatches(out);
        assertEquals("simulate", m.get("command").asText());
        assertFalse(m.get("arguments").toString().contains("secret"), "the salt is not written: " + m.get("arguments"));
        assertEquals(VersionProvider.version(), m.get("version").asText());
        JsonNode in = m.get("inputs").get(0);
        assertEquals(log.toString(), in.get("path").asText());
        assertEquals(sha256(log), in.get("sha256").asText());
        JsonNode rows = m.get("rows");
        assertEquals(rows.get("rows_in").asLong(), rows.get("ledger_rows").asLong() + rows.get("status_rows_merged").asLong()
                + rows.get("rows_skipped").asLong());
        assertEquals(1, rows.get("rows_skipped").asLong());
        assertTrue(r.out().contains(out.resolve("run.json").toAbsolutePath().toString()), r.out());
    }

    @Test
    void aFocusTargetThatIsAnOutputOrAFolderFailsBeforeAnythingIsWritten() throws Exception {
        Path out = work.resolve("out");
        assertEquals(0, CliRun.simulate(List.of(smallLog("a.csv", false)), out).exitCode());
        Map<String, byte[]> before = contents(out);
        Path folder = Files.createDirectories(work.resolve("a-folder"));
        Path file = Files.writeString(work.resolve("a-file"), "x");
        Map<String, List<String>> cases = new TreeMap<>(Map.of(
                "--focus on summary.csv", List.of("--focus", out.resolve("summary.csv").toString()),
                "--focus a folder", List.of("--focus", folder.toString()),
                "--report a file", List.of("--report", file.toString()),
                "--charts a file", List.of("--charts", file.toString())));
        for (var c : cases.entrySet()) {
            CliRun r = CliRun.simulate(List.of(smallLog("b.csv", true)), out, c.getValue().toArray(new String[0]));
            assertEquals(1, r.exitCode(), c.getKey() + ": " + r.describe());
            assertEquals(1, r.err().strip().lines().count(), c.getKey() + ": one line: " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals(before.keySet(), contents(out).keySet(), c.getKey() + ": nothing added or removed");
            for (var e : before.entrySet()) assertArrayEquals(e.getValue(), contents(out).get(e.getKey()), c.getKey() + ": " + e.getKey());
            assertEquals(List.of(), visible(folder), c.getKey());
        }
    }

    /** Every regular file under {@code root} whose name does not start with a dot (what looks like output). */
    private static List<Path> finalNamed(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    /** Every staging folder under {@code root}. */
    private static List<Path> staging(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".wabill-run-")).toList();
        }
    }

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        for (String n : visible(folder)) m.put(n, Files.readAllBytes(folder.resolve(n)));
        return m;
    }

    @Test
    void chartsReportAndFocusArePublishedWithTheRunAndNamedInItsManifest() throws Exception {
        Path out = work.resolve("out");
        CliRun r = CliRun.simulate(List.of(smallLog("a.csv", false)), out, "--charts", work.resolve("charts").toString(),
                "--report", out.toString(), "--focus", work.resolve("focus.csv").toString());
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode m = assertManifestMatches(out);
        List<String> paths = new ArrayList<>();
        for (JsonNode f : m.get("files")) paths.add(f.get("path").asText());
        assertTrue(paths.contains("../focus.csv") && paths.contains("report.html") && paths.contains("../charts/monthly-spend.png"), paths.toString());
        assertEquals(List.of(), staging(work), "no staging left");
    }

    @Test
    void aFailedReconcileLeavesNoImportFiles() throws Exception {
        Path out = work.resolve("out");
        Path badAnalytics = Files.writeString(work.resolve("analytics.json"), "{ not json");
        List<String> args = ReconcileTest.reconcileArgs(out, "webhooks/agree/pmp-2025.json");
        args.addAll(List.of("--analytics", badAnalytics.toString()));
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertEquals(1, r.exitCode(), r.describe());
        assertEquals(List.of(LOCK), visible(out), "no imported log, no import report");
    }

    @Test
    void aReconcileIsOneOutputSetWithItsImportedLog() throws Exception {
        Path out = work.resolve("out");
        CliRun r = CliRun.of(ReconcileTest.reconcileArgs(out, "webhooks/agree/pmp-2025.json").toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode m = assertManifestMatches(out);
        assertEquals("reconcile", m.get("command").asText());
        List<String> paths = new ArrayList<>();
        for (JsonNode f : m.get("files")) paths.add(f.get("path").asText());
        assertTrue(paths.containsAll(List.of("imported-log.csv.gz", "imported-log.import-report.csv", "ledger.csv", "agreement.csv")), paths.toString());
    }

    @Test
    void everyWritingCommandWritesAManifestThatMatchesItsFiles() throws Exception {
        Path log = smallLog("a.csv", false);
        assertEquals(0, CliRun.of("compare", log.toString(), "--strategy", "window-aware-utility", "--out",
                work.resolve("compare").toString(), "--quiet").exitCode());
        assertEquals("compare", assertManifestMatches(work.resolve("compare")).get("command").asText());
        Path generated = work.resolve("gen/log.csv");
        CliRun g = CliRun.of("generate", "--scenario", "ecommerce-br", "--from", "2026-10-01", "--to", "2026-10-01", "--scale", "0.01",
                "--out", generated.toString(), "--quiet");
        assertEquals(0, g.exitCode(), g.describe());
        JsonNode gm = new ObjectMapper().readTree(work.resolve("gen/log.csv.run.json").toFile());
        assertEquals("generate", gm.get("command").asText());
        assertEquals(sha256(generated), gm.get("files").get(0).get("sha256").asText());
        CliRun i = CliRun.of("import", "webhooks", ReconcileTest.resource("webhooks/agree/pmp-2025.json").toString(), "--out",
                work.resolve("imp/log.csv").toString());
        assertEquals(0, i.exitCode(), i.describe());
        JsonNode im = new ObjectMapper().readTree(work.resolve("imp/log.csv.run.json").toFile());
        assertEquals("import webhooks", im.get("command").asText());
        assertEquals(2, im.get("files").size(), "the log and its import report");
    }

    @Test
    void aSecondRunOnTheSameOutWhileOneIsRunningIsRefusedAndTheFirstIsWhole() throws Exception {
        Path big = bigLog();
        Path out = work.resolve("out");
        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> CliRun.simulate(List.of(big), out, "--threads", "1"));
        waitForStaging(out, first::isDone);
        CliRun second = CliRun.simulate(List.of(smallLog("small.csv", false)), out);
        assertEquals(1, second.exitCode(), second.describe());
        assertTrue(second.err().contains("another wabill run is writing into"), second.err());
        CliRun done = first.get(5, TimeUnit.MINUTES);
        assertEquals(0, done.exitCode(), done.describe());
        JsonNode m = assertManifestMatches(out);
        assertEquals(big.toString(), m.get("inputs").get(0).get("path").asText(), "the folder is the first run's, whole");
    }

    @Test
    void aRunKilledMidWriteLeavesNothingCompleteLookingAndDoesNotBlockTheNext() throws Exception {
        Path big = bigLog();
        Path out = work.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.wabill.cli.Main",
                "simulate", big.toString(), "--out", out.toString(), "--quiet", "--threads", "1")
                .redirectErrorStream(true).redirectOutput(work.resolve("child.txt").toFile()).start();
        try {
            Path staged = waitForStaging(out, () -> !p.isAlive());
            // Let it write part of the ledger, then kill it as kill -9 would.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (p.isAlive() && size(staged.resolve("ledger.csv")) < 64 * 1024 && System.nanoTime() < deadline) Thread.sleep(5);
            assertTrue(p.isAlive(), "the run ended before it could be killed: " + Files.readString(work.resolve("child.txt")));
            CliRun refused = CliRun.simulate(List.of(smallLog("small.csv", false)), out);
            assertEquals(1, refused.exitCode(), "another process holds the lock: " + refused.describe());
            p.destroyForcibly();
            assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        } finally {
            p.destroyForcibly();
        }
        List<String> left = visible(out);
        assertFalse(left.contains("run.json"), left.toString());
        for (String name : left)
            assertTrue(name.startsWith(".wabill-run-") || name.equals(LOCK), "only hidden staging is left, nothing final-named: " + left);
        // The operating system released the killed run's lock; the next run removes its staging folder.
        CliRun next = CliRun.simulate(List.of(smallLog("small.csv", false)), out);
        assertEquals(0, next.exitCode(), next.describe());
        assertManifestMatches(out);
        assertEquals(List.of(LOCK), visible(out).stream().filter(n -> n.startsWith(".")).toList(), "the dead run's staging folder is gone");
    }

    @Test
    void aFullDiskIsOneLineNamingTheFileAndLeavesNothing() throws Exception {
        Path disk = Files.createDirectories(work.resolve("small-disk"));
        Assumptions.assumeTrue(mount(disk), "needs root and a tmpfs mount (not available here)");
        try {
            Path out = disk.resolve("out");
            CliRun r = CliRun.of("demo", "--out", out.toString(), "--quiet");
            assertEquals(1, r.exitCode(), r.describe());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertTrue(r.err().contains("No space left on device") && r.err().contains(out.toAbsolutePath().toString()), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals(List.of(), finalNamed(out), "nothing published");
            assertEquals(List.of(), staging(out), "nothing staged is left");
        } finally {
            new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor(1, TimeUnit.MINUTES);
        }
    }

    /** Mounts a 2 MB tmpfs on {@code dir}; false when this machine does not allow it. */
    private static boolean mount(Path dir) {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Waits until a run has begun writing into {@code out}: its staging folder. */
    private static Path waitForStaging(Path out, java.util.function.BooleanSupplier ended) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    var staged = s.filter(x -> x.getFileName().toString().startsWith(".wabill-run-")).findFirst();
                    if (staged.isPresent()) return staged.get();
                }
            }
            if (ended.getAsBoolean()) fail("the run ended before it started writing");
            Thread.sleep(5);
        }
        throw new AssertionError("the run did not start writing within 2 minutes");
    }

    private Path bigLog() throws Exception {
        Path big = work.resolve("big.csv");
        CliRun g = CliRun.of("generate", "--scenario", "ecommerce-br", "--from", "2026-10-01", "--to", "2026-10-31",
                "--seed", "1", "--out", big.toString(), "--quiet");
        assertEquals(0, g.exitCode(), g.describe());
        return big;
    }
}
