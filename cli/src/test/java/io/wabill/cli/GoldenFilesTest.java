package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code wabill simulate}'s outputs for a small hand-made log per pricing era, compared byte for byte with the
 * files under {@code cli/src/test/resources/golden/<era>/}. Each era folder holds {@code log.csv} (a
 * {@code # args:} comment line adds options), optionally {@code accounts.csv}, and the expected
 * {@code ledger.csv}, {@code summary.csv} and {@code accounting.csv}; all use the round test card in
 * {@code golden/rates/}. The expected files were checked row by row against PRICING.md: they are a
 * specification, not a snapshot.
 *
 * <p>After an intended change of the output, regenerate them with
 * <pre>
 *   ./mvnw -o -q -pl cli -am test -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false -Dwabill.golden.update=true
 * </pre>
 * which rewrites the expected files in the source tree, and read the diff before committing it.
 */
class GoldenFilesTest {
    static final List<String> OUTPUTS = List.of("ledger.csv", "summary.csv", "accounting.csv");
    static final boolean UPDATE = Boolean.getBoolean("wabill.golden.update");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nbp", "cbp1", "cbp2", "pmp", "pmp26"})
    void simulateWritesTheGoldenFilesOfTheEra(String era, @TempDir Path work) throws Exception {
        Path folder = Path.of(GoldenFilesTest.class.getResource("/golden/" + era).toURI());
        Path log = folder.resolve("log.csv");
        List<String> extra = new ArrayList<>(List.of("--rates", folder.resolveSibling("rates").toString()));
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) break;
            if (line.startsWith("# args:")) extra.addAll(Arrays.asList(line.substring("# args:".length()).trim().split("\\s+")));
        }
        if (Files.exists(folder.resolve("accounts.csv"))) extra.addAll(List.of("--accounts", folder.resolve("accounts.csv").toString()));
        Path out = work.resolve("out");
        CliRun r = CliRun.simulate(List.of(log), out, extra.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.describe());
        if (UPDATE) {
            Path source = Path.of("src/test/resources/golden", era);
            assertTrue(Files.isDirectory(source), "run from the cli module folder to update " + source.toAbsolutePath());
            for (String name : OUTPUTS) Files.copy(out.resolve(name), source.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        for (String name : OUTPUTS) {
            Path expected = folder.resolve(name);
            assertTrue(Files.exists(expected), "no golden " + era + "/" + name + "; generate it with -Dwabill.golden.update=true");
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), Files.readString(out.resolve(name), StandardCharsets.UTF_8),
                    era + "/" + name);
            assertTrue(Arrays.equals(Files.readAllBytes(expected), Files.readAllBytes(out.resolve(name))), era + "/" + name + " bytes");
        }
    }
}
