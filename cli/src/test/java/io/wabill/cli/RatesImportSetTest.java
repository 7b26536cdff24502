package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rates import} writes its catalog folder as an output set that grows import by import: cards are staged,
 * the folder locked, the folder as --rates will read it checked before anything is published, and run.json names
 * every card wabill wrote there (earlier imports' too).
 */
class RatesImportSetTest {
    static final Path META = Path.of("..", "datasets", "src", "test", "resources", "meta");

    @TempDir Path work;

    private static List<String> paths(JsonNode manifest) {
        List<String> paths = new ArrayList<>();
        for (JsonNode f : manifest.get("files")) paths.add(f.get("path").asText());
        return paths;
    }

    /** Meta's October 2026 USD card, re-dated to January 2027 (a second card of the same currency). */
    private Path january() throws Exception {
        String text = Files.readString(META.resolve("meta-usd-rates-2026-10-01.csv"));
        assertTrue(text.contains("effective October 1, 2026"));
        return Files.writeString(work.resolve("USD rates January 2027.csv"), text.replace("effective October 1, 2026", "effective January 1, 2027"));
    }

    @Test
    void importsAccumulateAndRunJsonNamesEveryCard() throws Exception {
        Path cards = work.resolve("my-cards");
        CliRun first = CliRun.of("rates", "import", META.resolve("meta-usd-rates-2026-10-01.csv").toString(),
                META.resolve("meta-usd-volume-tiers-2026-10-01.csv").toString(), "--out", cards.toString());
        assertEquals(0, first.exitCode(), first.describe());
        JsonNode m1 = OutputSetsTest.assertManifestMatches(cards);
        assertEquals(List.of("meta-rates-USD-2026-10-01.csv"), paths(m1));
        assertEquals("rates import", m1.get("command").asText());

        CliRun second = CliRun.of("rates", "import", january().toString(), "--out", cards.toString());
        assertEquals(0, second.exitCode(), second.describe());
        JsonNode m2 = OutputSetsTest.assertManifestMatches(cards);
        assertEquals(List.of("meta-rates-USD-2026-10-01.csv", "meta-rates-USD-2027-01-01.csv"), paths(m2),
                "the earlier import's card stays, and stays named");
        // The catalog prices, and a run reading it records its cards, not its bookkeeping, as inputs.
        Path log = Files.writeString(work.resolve("log.csv"), "timestamp,message_id,business,customer,direction,kind,category\n"
                + "2027-01-05T09:00:00Z,m1,5511940000001,5511987600001,outbound,template,marketing\n");
        CliRun sim = CliRun.simulate(List.of(log), work.resolve("out"), "--rates", cards.toString());
        assertEquals(0, sim.exitCode(), sim.describe());
        List<String> inputs = new ArrayList<>();
        for (JsonNode i : OutputSetsTest.assertManifestMatches(work.resolve("out")).get("inputs")) inputs.add(Path.of(i.get("path").asText()).getFileName().toString());
        assertEquals(List.of("log.csv", "meta-rates-USD-2026-10-01.csv", "meta-rates-USD-2027-01-01.csv"), inputs.stream().sorted().toList());
    }

    @Test
    void aCardTheFolderCannotPriceIsRefusedAndNothingIsPublished() throws Exception {
        Path cards = Files.createDirectories(work.resolve("my-cards"));
        // The folder's own market map knows no market of Meta's card: with the card in place it would not load.
        Files.writeString(cards.resolve("markets.csv"), "market,country_name,iso2,calling_code,valid_from,valid_to\n"
                + "Atlantis,Atlantis,AQ,999,,\n");
        CliRun r = CliRun.of("rates", "import", META.resolve("meta-usd-rates-2026-10-01.csv").toString(), "--out", cards.toString());
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.err().contains(cards.resolve("meta-rates-USD-2026-10-01.csv").toString()), "names the card as it would be: " + r.err());
        assertFalse(r.err().contains("wabill-rates-check"), r.err());
        assertFalse(Files.exists(cards.resolve("meta-rates-USD-2026-10-01.csv")), "nothing published");
        assertFalse(Files.exists(cards.resolve("run.json")));
    }
}
