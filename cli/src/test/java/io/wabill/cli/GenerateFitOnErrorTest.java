package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --fit --on-error stop|skip}, as simulate's and forecast's: a bad row of a fitted log stops the fit
 * (nothing saved), or is skipped, counted in the manifest and listed in {@code NAME.fit-errors.csv}, published with
 * the model as one output set.
 */
class GenerateFitOnErrorTest {
    @TempDir Path work;

    private Path logWithABadRow() throws Exception {
        Path log = work.resolve("history.csv");
        CliRun g = CliRun.of("generate", "--scenario", "ecommerce-br", "--from", "2026-10-01", "--to", "2026-10-03", "--scale", "0.01",
                "--out", log.toString(), "-q");
        assertEquals(0, g.exitCode(), g.describe());
        Files.writeString(log, "2026-10-03T23:59:00Z,bad1,15550100001,5511987600001,sideways,template,utility,,,,,\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return log;
    }

    private static List<String> paths(JsonNode manifest) {
        List<String> paths = new ArrayList<>();
        for (JsonNode f : manifest.get("files")) paths.add(f.get("path").asText());
        return paths;
    }

    @Test
    void aBadRowStopsTheFitByDefaultAndNothingIsSaved() throws Exception {
        Path log = logWithABadRow();
        long line = Files.readAllLines(log).size();
        Path save = work.resolve("model/params.yaml");
        CliRun r = CliRun.of("generate", "--fit", log.toString(), "--save", save.toString(), "-q");
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.err().contains("history.csv:" + line + " column direction"), r.err());
        assertFalse(Files.exists(save) || Files.exists(work.resolve("model/params.fit-errors.csv"))
                || Files.exists(work.resolve("model/params.yaml.run.json")), "nothing saved");
    }

    @Test
    void skipCountsListsAndPublishesTheBadRowsWithTheModelAndALaterCleanFitRemovesTheList() throws Exception {
        Path log = logWithABadRow();
        long line = Files.readAllLines(log).size();
        Path save = work.resolve("model/params.yaml");
        CliRun r = CliRun.of("generate", "--fit", log.toString(), "--save", save.toString(), "--on-error", "skip", "-q");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("Skipped: 1 row(s) of the fitted log that could not be used; listed in params.fit-errors.csv"), r.out());
        List<CsvTable.Row> errors = CsvTable.read(work.resolve("model/params.fit-errors.csv"));
        assertEquals(1, errors.size());
        assertEquals(Long.toString(line), errors.get(0).get("line"));
        assertEquals("direction", errors.get(0).get("column"));
        JsonNode m = new ObjectMapper().readTree(work.resolve("model/params.yaml.run.json").toFile());
        assertEquals(1, m.get("rows").get("rows_skipped").asLong());
        assertEquals(line - 1, m.get("rows").get("rows_in").asLong(), "every data row read, the bad one included");
        assertEquals(List.of("params.fit-errors.csv", "params.yaml"), paths(m).stream().sorted().toList());
        assertTrue(Files.readString(save).contains("(1 skipped)"), "the model says rows were skipped");

        // The same fit by forecast skips the same row.
        CliRun f = CliRun.of("forecast", "--fit", log.toString(), "--months", "1", "--runs", "1", "--on-error", "skip",
                "--out", work.resolve("fc").toString(), "-q");
        assertEquals(0, f.exitCode(), f.describe());
        assertEquals(1, new ObjectMapper().readTree(work.resolve("fc/run.json").toFile()).get("rows").get("fit_rows_skipped").asLong());

        // A clean fit into the same place leaves no list of the earlier fit's bad rows beside its model.
        Path clean = work.resolve("clean.csv");
        List<String> lines = Files.readAllLines(log);
        Files.write(clean, lines.subList(0, lines.size() - 1));
        CliRun again = CliRun.of("generate", "--fit", clean.toString(), "--save", save.toString(), "--on-error", "skip", "-q");
        assertEquals(0, again.exitCode(), again.describe());
        assertFalse(Files.exists(work.resolve("model/params.fit-errors.csv")), "the earlier fit's list is gone with it");
        JsonNode m2 = new ObjectMapper().readTree(work.resolve("model/params.yaml.run.json").toFile());
        assertEquals(0, m2.get("rows").get("rows_skipped").asLong());
        assertEquals(List.of("params.yaml"), paths(m2));
    }

    @Test
    void onErrorWithoutFitIsRefused() {
        CliRun r = CliRun.of("generate", "--scenario", "ecommerce-br", "--from", "2026-10-01", "--to", "2026-10-01", "--on-error", "skip",
                "--out", work.resolve("g.csv").toString(), "-q");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("--on-error is for --fit"), r.err());
    }
}
