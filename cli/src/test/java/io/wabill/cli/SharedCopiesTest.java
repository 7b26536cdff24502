package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.rates.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The project keeps copies of the shared material (the conformance scenarios and their card, Meta's rate cards
 * and market map); these tests fail when a copy falls behind {@code ../shared} (next to the repository root, or
 * the folder named by {@code -Dwabill.shared=...}), and are skipped where that folder is absent, as in a lone
 * clone. The bundle's {@code index.txt} is checked in any case.
 */
class SharedCopiesTest {
    /** The repository root: the tests run in the cli module's folder. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path CONFORMANCE = ROOT.resolve("cli/src/test/resources/conformance");
    static final Path BUNDLE = ROOT.resolve("datasets/src/main/resources/io/wabill/data/ratecards");

    static Path shared() {
        String property = System.getProperty("wabill.shared");
        Path shared = property != null ? Path.of(property) : ROOT.resolve("../shared").normalize();
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("conformance")) && Files.isDirectory(shared.resolve("ratecards")),
                "no shared material at " + shared);
        return shared;
    }

    private static TreeSet<String> names(Path folder, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** Every file of {@code shared} has an identical copy in {@code copy}; returns the ones that differ or are missing. */
    private static List<String> staleCopies(Path shared, Path copy, String suffix) throws IOException {
        List<String> stale = new ArrayList<>();
        for (String name : names(shared, suffix)) {
            Path c = copy.resolve(name);
            if (!Files.exists(c)) stale.add(name + " (missing)");
            else if (!Arrays.equals(Files.readAllBytes(shared.resolve(name)), Files.readAllBytes(c))) stale.add(name + " (changed)");
        }
        return stale;
    }

    @Test
    void theConformanceScenariosAreThoseOfTheSharedFolder() throws IOException {
        Path shared = shared().resolve("conformance");
        assertEquals(List.of(), staleCopies(shared, CONFORMANCE, ".csv"), "copy ../shared/conformance/*.csv into " + CONFORMANCE);
        TreeSet<String> ours = names(CONFORMANCE, ".csv");
        ours.removeIf(n -> n.startsWith("own_"));
        assertEquals(names(shared, ".csv"), ours, "scenarios not prefixed own_ are the shared ones, no more");
    }

    @Test
    void theConformanceCardIsThatOfTheSharedFolder() throws IOException {
        Path shared = shared().resolve("conformance/rates");
        assertEquals(List.of(), staleCopies(shared, CONFORMANCE.resolve("rates"), ""));
        assertEquals(names(shared, ""), names(CONFORMANCE.resolve("rates"), ""));
    }

    @Test
    void theBundledCardsAndMarketMapAreThoseOfTheSharedFolder() throws IOException {
        Path shared = shared().resolve("ratecards");
        assertEquals(List.of(), staleCopies(shared, BUNDLE, ""), "copy ../shared/ratecards/* into " + BUNDLE);
        assertEquals(names(shared, ".csv"), names(BUNDLE, ".csv"), "the bundle has no card the shared folder lacks");
    }

    @Test
    void theBundleIndexListsExactlyItsCards() throws IOException {
        TreeSet<String> cards = names(BUNDLE, ".csv");
        cards.removeIf(n -> !n.startsWith("meta-rates-"));
        assertTrue(cards.size() >= 9, "the bundle lost cards: " + cards);
        assertEquals(List.copyOf(cards), CatalogLoader.bundledCardNames().stream().sorted().toList());
        assertEquals(CatalogLoader.bundledCardNames().size(), new TreeSet<>(CatalogLoader.bundledCardNames()).size(), "no card listed twice");
    }
}
