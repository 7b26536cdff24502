package io.wabill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an earlier run.json names is what the next run may remove, so only a whole, well-formed manifest names files.
 */
class RunManifestTest {
    @TempDir Path dir;

    private List<RunManifest.FileEntry> read(String json) throws Exception {
        Path manifest = dir.resolve("run.json");
        Files.writeString(manifest, json, StandardCharsets.UTF_8);
        return RunManifest.filesOf(manifest);
    }

    @Test
    void theFilesAManifestWroteAreTheFilesItNames() throws Exception {
        Path input = Files.writeString(dir.resolve("log.csv"), "timestamp\n");
        RunManifest m = new RunManifest("simulate", List.of("log.csv", "--out", "x"), "test")
                .input(input).rows("rows_in", 3);
        List<RunManifest.FileEntry> files = List.of(new RunManifest.FileEntry("ledger.csv", 123, "ab".repeat(32)),
                new RunManifest.FileEntry("summary \"q\".csv", 0, "cd".repeat(32)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out, files);
        assertEquals(files, read(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void onlyWholeEntriesAreNamedAndOtherFieldsAreSkipped() throws Exception {
        assertEquals(List.of(new RunManifest.FileEntry("a.csv", 5, "h")), read("""
                {"inputs": [{"path": "log.csv", "bytes": 1, "sha256": "x"}], "rows": {"in": 2},
                 "files": [{"path": "a.csv", "bytes": 5, "sha256": "h", "extra": {"n": [1, 2]}},
                           {"path": "no-size.csv", "sha256": "h"},
                           {"path": "text-size.csv", "bytes": "5", "sha256": "h"},
                           {"path": "fraction.csv", "bytes": 5.5, "sha256": "h"},
                           {"path": ["nested"], "bytes": 5, "sha256": "h"},
                           "stray", 7, [1]],
                 "version": "1"}
                """));
    }

    @Test
    void aDamagedOrForeignManifestNamesNothing() throws Exception {
        String whole = "{\"files\": [{\"path\": \"a.csv\", \"bytes\": 5, \"sha256\": \"h\"}]}";
        assertEquals(1, read(whole).size());
        assertEquals(List.of(), read(whole.substring(0, whole.length() - 2)), "cut short");
        assertEquals(List.of(), read(whole + " {}"), "something after it");
        assertEquals(List.of(), read("[" + whole + "]"), "not an object");
        assertEquals(List.of(), read("{\"files\": {\"path\": \"a.csv\", \"bytes\": 5, \"sha256\": \"h\"}}"),
                "files not a list");
        assertEquals(List.of(), read(""), "empty");
        assertEquals(List.of(), RunManifest.filesOf(dir.resolve("missing.json")));
    }
}
