package io.wabill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output set: one commit per run, a lock per folder, a manifest that matches the files, nothing of another run. */
class OutputSetTest {
    @TempDir Path dir;

    private static RunManifest manifest() { return new RunManifest("test", List.of("test", "--out", "x"), "0-test"); }

    private static void write(OutputFolder f, String name, String text) throws IOException {
        try (Writer w = f.open(name)) {
            w.write(text);
        }
    }

    /** The files in a folder but the empty hidden lock files, which stay (see FileLocks). */
    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".wabill.lock")).sorted().toList();
        }
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    /**
     * Inputs are hashed on a thread of their own while the run goes on: the manifest still records every input in
     * the order named, and an input that cannot be read fails the commit, naming it, with nothing published.
     */
    @Test
    void inputsHashedAheadAreRecordedInOrderAndAnUnreadableOneFailsTheCommit() throws Exception {
        Path out = dir.resolve("out");
        Path big = dir.resolve("big.csv");
        byte[] data = new byte[5 << 20];
        new java.util.Random(7).nextBytes(data);
        Files.write(big, data);
        Path small = Files.writeString(dir.resolve("small.csv"), "a\n");
        try (OutputSet set = OutputSet.begin(out, manifest().input(big).hashAhead())) {
            set.manifest().input(small);
            write(set, "a.csv", "x\n");
            set.commit();
        }
        JsonNode inputs = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("inputs");
        assertEquals(2, inputs.size());
        assertEquals(big.toString(), inputs.get(0).get("path").asText());
        assertEquals(sha256(big), inputs.get(0).get("sha256").asText());
        assertEquals(data.length, inputs.get(0).get("bytes").asLong());
        assertEquals(sha256(small), inputs.get(1).get("sha256").asText());

        Path gone = dir.resolve("gone.csv");
        Path out2 = dir.resolve("out2");
        try (OutputSet set = OutputSet.begin(out2, manifest().input(gone).hashAhead())) {
            write(set, "a.csv", "x\n");
            OutputException e = assertThrows(OutputException.class, set::commit);
            assertTrue(e.getMessage().contains("cannot read " + gone), e.getMessage());
        }
        assertFalse(Files.exists(out2.resolve("a.csv")));
        assertFalse(Files.exists(out2.resolve("run.json")));
    }

    @Test
    void nothingAppearsUnderItsNameBeforeTheCommitAndTheManifestMatchesTheFiles() throws Exception {
        Path out = dir.resolve("out");
        Path input = Files.writeString(dir.resolve("in.csv"), "a,b\n1,2\n");
        try (OutputSet set = OutputSet.begin(out, manifest().input(input).rows("rows_in", 1))) {
            write(set, "a.csv", "x\n");
            write(set.folder(dir.resolve("charts")), "c.svg", "<svg/>");
            assertFalse(Files.exists(out.resolve("a.csv")), "staged, not published");
            assertFalse(Files.exists(dir.resolve("charts/c.svg")), "staged, not published");
            List<Path> written = set.commit();
            Path abs = out.toAbsolutePath().normalize();
            assertEquals(List.of(abs.resolve("a.csv"), dir.toAbsolutePath().normalize().resolve("charts/c.svg"),
                    abs.resolve("run.json")), written, "the files in the order opened, the manifest last");
        }
        assertEquals(List.of("a.csv", "run.json"), names(out), "no staging folder left");
        assertEquals(List.of("c.svg"), names(dir.resolve("charts")));
        JsonNode m = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("test", m.get("command").asText());
        assertEquals("0-test", m.get("version").asText());
        assertEquals(1, m.get("rows").get("rows_in").asLong());
        assertEquals(input.toString(), m.get("inputs").get(0).get("path").asText());
        assertEquals(sha256(input), m.get("inputs").get(0).get("sha256").asText());
        assertEquals(Files.size(input), m.get("inputs").get(0).get("bytes").asLong());
        assertEquals(2, m.get("files").size());
        for (JsonNode f : m.get("files")) {
            Path p = out.resolve(f.get("path").asText());
            assertEquals(Files.size(p), f.get("bytes").asLong(), p.toString());
            assertEquals(sha256(p), f.get("sha256").asText(), p.toString());
        }
        assertEquals("../charts/c.svg", m.get("files").get(1).get("path").asText());
    }

    @Test
    void anAbortedRunLeavesNothingAndReleasesTheFolder() throws Exception {
        Path out = dir.resolve("out");
        OutputSet set = OutputSet.begin(out, manifest());
        write(set, "a.csv", "x\n");
        OutputStream half = set.openBinary("b.csv");
        half.write(new byte[1000]);
        set.abort();
        assertEquals(List.of(), names(out));
        try (OutputSet again = OutputSet.begin(out, manifest())) {
            write(again, "a.csv", "y\n");
            again.commit();
        }
        assertEquals("y\n", Files.readString(out.resolve("a.csv")));
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedWhileTheFirstRuns() throws Exception {
        Path out = dir.resolve("out");
        try (OutputSet first = OutputSet.begin(out, manifest())) {
            OutputException e = assertThrows(OutputException.class, () -> OutputSet.begin(out, manifest()));
            assertTrue(e.getMessage().contains("another wabill run is writing into " + out.toAbsolutePath()), e.getMessage());
            write(first, "a.csv", "x\n");
            first.commit();
        }
        try (OutputSet later = OutputSet.begin(out, manifest())) {
            later.commit(); // free again once the first is done
        }
    }

    @Test
    void runsBesideFilesInOneFolderDoNotBlockOrCleanUpEachOther() throws Exception {
        try (OutputSet a = OutputSet.beside(dir.resolve("a.csv"), manifest());
             OutputSet b = OutputSet.beside(dir.resolve("b.csv"), manifest())) {
            write(a, "a.csv", "a\n");
            write(b, "b.csv", "b\n");
            a.commit();
            b.commit();
        }
        try (OutputSet a = OutputSet.beside(dir.resolve("a.csv"), manifest())) {
            write(a, "a.csv", "a2\n");
            a.commit();
        }
        assertEquals(List.of("a.csv", "a.csv.run.json", "b.csv", "b.csv.run.json"), names(dir));
    }

    @Test
    void filesOfTheEarlierRunThatThisRunDoesNotWriteAreRemovedButNeverAUsersFiles() throws Exception {
        Path out = dir.resolve("out");
        try (OutputSet set = OutputSet.begin(out, manifest())) {
            write(set, "ledger.csv", "ledger\n");
            write(set, "errors.csv", "errors\n");
            write(set, "edited.csv", "as written\n");
            write(set, "summary.csv", "1\n");
            set.commit();
        }
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("edited.csv"), "the user changed it");
        try (OutputSet set = OutputSet.begin(out, manifest())) {
            write(set, "summary.csv", "2\n");
            set.commit();
        }
        assertEquals(List.of("edited.csv", "notes.txt", "run.json", "summary.csv"), names(out));
        assertEquals("2\n", Files.readString(out.resolve("summary.csv")));
        JsonNode m = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(1, m.get("files").size(), "the manifest names only this run's files");
    }

    @Test
    void anEarlierManifestCannotSendTheCleanUpOutsideTheFoldersThisRunWritesInto() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Files.writeString(out.resolve("run.json"), "{\"files\": [{\"path\": \"../victim.txt\", \"bytes\": 8, \"sha256\": \""
                + sha256(victim) + "\"}]}");
        try (OutputSet set = OutputSet.begin(out, manifest())) {
            write(set, "a.csv", "x\n");
            set.commit();
        }
        assertTrue(Files.exists(victim), "a file outside the run's folders stays");
    }

    @Test
    void aRunThatStartsOverForgetsWhatItWroteSinceTheMark() throws Exception {
        Path out = dir.resolve("out");
        try (OutputSet set = OutputSet.begin(out, manifest())) {
            write(set, "kept.csv", "k\n");
            int mark = set.mark();
            write(set, "ledger.csv", "first attempt\n");
            set.rollback(mark);
            write(set, "ledger.csv", "second attempt\n");
            set.commit();
        }
        assertEquals("second attempt\n", Files.readString(out.resolve("ledger.csv")));
        assertEquals(List.of("kept.csv", "ledger.csv", "run.json"), names(out));
    }

    @Test
    void targetsAreCheckedBeforeTheFirstByte() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(dir.resolve("a-folder"));
        Files.writeString(dir.resolve("a-file"), "x");
        try (OutputSet set = OutputSet.begin(out, manifest())) {
            set.reserve("summary.csv");
            OutputException folder = assertThrows(OutputException.class, () -> set.claim(dir.resolve("a-folder"), "--focus"));
            assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
            OutputException taken = assertThrows(OutputException.class, () -> set.claim(out.resolve("summary.csv"), "--focus"));
            assertTrue(taken.getMessage().contains("also where this run writes summary.csv"), taken.getMessage());
            OutputException file = assertThrows(OutputException.class, () -> set.folder(dir.resolve("a-file")));
            assertTrue(file.getMessage().contains("is a file, not a folder"), file.getMessage());
            write(set, "a.csv", "x");
            assertThrows(OutputException.class, () -> set.open("a.csv"), "two outputs of one name");
        }
        assertEquals(List.of(), names(out), "closing without a commit aborts");
        OutputException outIsAFile = assertThrows(OutputException.class, () -> OutputSet.begin(dir.resolve("a-file"), manifest()));
        assertTrue(outIsAFile.getMessage().contains("a-file is a file, not a folder"), outIsAFile.getMessage());
    }

    @Test
    void theStagingFolderOfADeadRunIsRemovedByTheNextRun() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path dead = Files.createDirectories(out.resolve(StagingFolder.PREFIX + "dead"));
        Files.writeString(dead.resolve(".owner"), "");
        Files.writeString(dead.resolve("ledger.csv"), "half a ledger");
        try (OutputSet set = OutputSet.begin(out, manifest())) {
            assertFalse(Files.exists(dead), "the dead run's staging folder is gone");
            set.commit();
        }
    }

    @Test
    void aChartsFolderSharedByTwoRunsWithDifferentOutFoldersIsLockedToo() throws Exception {
        Path charts = dir.resolve("charts");
        try (OutputSet first = OutputSet.begin(dir.resolve("one"), manifest())) {
            write(first.folder(charts), "a.svg", "<svg/>");
            try (OutputSet second = OutputSet.begin(dir.resolve("two"), manifest())) {
                OutputException e = assertThrows(OutputException.class, () -> second.folder(charts));
                assertTrue(e.getMessage().contains("another wabill run is writing into " + charts.toAbsolutePath()), e.getMessage());
            }
            first.commit();
        }
        try (OutputSet later = OutputSet.begin(dir.resolve("two"), manifest())) {
            write(later.folder(charts), "b.svg", "<svg/>");
            later.commit();
        }
        assertEquals(List.of("a.svg", "b.svg"), names(charts));
    }

    @Test
    void theManifestIsTheSameForTheSameRun() throws Exception {
        for (String name : List.of("one", "two")) {
            try (OutputSet set = OutputSet.begin(dir.resolve(name), manifest().rows("rows_in", 3))) {
                write(set, "a.csv", "x\n");
                set.commit();
            }
        }
        assertEquals(Files.readString(dir.resolve("one/run.json"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("two/run.json"), StandardCharsets.UTF_8));
    }

    @Test
    void aRenamedFileIsPublishedAndRecordedUnderItsNewNameInTheOrderRenamed() throws Exception {
        Path out = dir.resolve("out");
        try (OutputSet set = OutputSet.begin(out, manifest())) {
            write(set, "scenario-1-ledger.csv", "one\n");
            write(set, "scenario-2-ledger.csv", "two\n");
            write(set, "scenarios.csv", "rank\n");
            // Scenario 2 ranks first (compare names ledgers by rank once the run is over).
            set.rename("scenario-2-ledger.csv", "ledger-1.csv");
            set.rename("scenario-1-ledger.csv", "ledger-2.csv");
            assertThrows(IllegalArgumentException.class, () -> set.rename("scenarios.csv", "ledger-1.csv"), "a name taken");
            assertThrows(IllegalArgumentException.class, () -> set.rename("missing.csv", "x.csv"), "a file not opened");
            Path abs = out.toAbsolutePath().normalize();
            assertEquals(List.of(abs.resolve("scenarios.csv"), abs.resolve("ledger-1.csv"), abs.resolve("ledger-2.csv"),
                    abs.resolve("run.json")), set.commit());
        }
        assertEquals(List.of("ledger-1.csv", "ledger-2.csv", "run.json", "scenarios.csv"), names(out));
        assertEquals("two\n", Files.readString(out.resolve("ledger-1.csv")));
        JsonNode files = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("files");
        assertEquals("ledger-1.csv", files.get(1).get("path").asText());
        assertEquals(sha256(out.resolve("ledger-1.csv")), files.get(1).get("sha256").asText());
    }
    @Test
    void aViewOfASubFolderWritesIntoTheSameCommitAndCannotCommitOnItsOwn() throws Exception {
        Path out = dir.resolve("out");
        try (OutputSet set = OutputSet.begin(out, manifest())) {
            OutputSet actual = set.within(out.resolve("actual"));
            assertEquals(out.resolve("actual").toAbsolutePath().normalize(), actual.path());
            actual.reserve("summary.csv");
            write(actual, "summary.csv", "s\n");
            assertEquals(set.manifestPath(), actual.manifestPath(), "one manifest");
            assertThrows(IllegalStateException.class, actual::commit);
            actual.close(); // a view's close leaves the set alone
            write(set, "backtest.csv", "b\n");
            assertTrue(Files.isRegularFile(set.written(out.resolve("actual/summary.csv"))), "closed and staged");
            assertEquals(null, set.written(out.resolve("missing.csv")));
            assertFalse(Files.exists(out.resolve("actual/summary.csv")), "staged, not published");
            set.commit();
        }
        JsonNode m = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("actual/summary.csv", m.get("files").get(0).get("path").asText());
        assertEquals("backtest.csv", m.get("files").get(1).get("path").asText());
        assertEquals(List.of("summary.csv"), names(out.resolve("actual")), "no manifest of its own, no staging left");
        // A manifest of the sub-folder's own (an older backtest's actual/run.json) goes: this set's names its files.
        Files.writeString(out.resolve("actual/run.json"), "{}");
        try (OutputSet set = OutputSet.begin(out, manifest())) {
            write(set.within(out.resolve("actual")), "summary.csv", "s2\n");
            set.commit();
        }
        assertEquals(List.of("summary.csv"), names(out.resolve("actual")));
        // A later set that writes no actual/ removes its files, as any earlier run's.
        try (OutputSet set = OutputSet.begin(out, manifest())) {
            write(set.within(out.resolve("actual")), "other.csv", "o\n");
            set.commit();
        }
        assertEquals(List.of("other.csv"), names(out.resolve("actual")));
    }

    @Test
    void aFailedSetWithAViewPublishesNothingInEither() throws Exception {
        Path out = dir.resolve("out");
        try (OutputSet set = OutputSet.begin(out, manifest())) {
            write(set.within(out.resolve("actual")), "summary.csv", "s\n");
            write(set, "a.csv", "a\n");
        } // not committed
        assertEquals(List.of(), names(out.resolve("actual")));
        assertEquals(List.of("actual"), names(out));
    }

    @Test
    void anAccumulatingSetKeepsAndNamesEarlierFilesUnlessChangedSince() throws Exception {
        Path out = dir.resolve("cards");
        try (OutputSet set = OutputSet.begin(out, manifest()).accumulating()) {
            write(set, "a.csv", "a\n");
            write(set, "b.csv", "b\n");
            set.commit();
        }
        Files.writeString(out.resolve("b.csv"), "changed by hand\n");
        try (OutputSet set = OutputSet.begin(out, manifest()).accumulating()) {
            write(set, "c.csv", "c\n");
            set.commit();
        }
        assertEquals(List.of("a.csv", "b.csv", "c.csv", "run.json"), names(out), "nothing removed");
        JsonNode files = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("files");
        assertEquals(2, files.size(), files.toString());
        assertEquals("a.csv", files.get(0).get("path").asText());
        assertEquals(sha256(out.resolve("a.csv")), files.get(0).get("sha256").asText());
        assertEquals("c.csv", files.get(1).get("path").asText(), "b.csv was changed since: no longer named");
    }
}
