package io.wabill.data.rates;

import io.wabill.sim.api.Catalog;
import io.wabill.sim.market.MarketMap;
import io.wabill.sim.rates.CardProblem;
import io.wabill.sim.rates.CoveragePeriod;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a rate catalog: the bundled one (Meta's published cards and market map, see
 * {@code ratecards/PROVENANCE.md}), a folder of cards, or a single card file. A folder may hold its own
 * {@code markets.csv} and {@code coverage.csv}; without a market map the bundled one is used, and without a
 * coverage file every currency is complete from its first card (G2a). Everything is validated first and
 * every problem reported at once.
 */
public final class CatalogLoader {
    static final String BUNDLE = "/io/wabill/data/ratecards/";
    public static final String MARKETS = "markets.csv";
    public static final String COVERAGE = "coverage.csv";

    private CatalogLoader() {}

    /** The bundled catalog. */
    public static Catalog bundled() throws CatalogLoadException {
        List<CardProblem> problems = new ArrayList<>();
        try {
            MarketMap markets = bundledMarkets(problems);
            List<CoveragePeriod> coverage;
            try (InputStream in = resource(COVERAGE)) {
                coverage = CoverageReader.read(in, "bundled " + COVERAGE, problems);
            }
            List<RateCard> cards = new ArrayList<>();
            for (String name : bundledCardNames()) {
                try (InputStream in = resource(name)) {
                    RateCard c = NormalizedCardReader.read(in, "bundled " + name, name, markets.markets(), problems);
                    if (c != null) cards.add(c);
                }
            }
            checkDuplicates(cards, problems);
            if (!problems.isEmpty()) throw new CatalogLoadException(problems);
            return new Catalog(new RateCatalog(cards, coverage, "the bundled catalog"), markets);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled rate cards cannot be read: " + e.getMessage(), e);
        }
    }

    /** The bundled market map alone. */
    public static MarketMap bundledMarkets(List<CardProblem> problems) throws IOException {
        try (InputStream in = resource(MARKETS)) {
            return MarketMapReader.read(in, "bundled " + MARKETS, problems);
        }
    }

    /** Names of the bundled cards, from the bundle's index (a jar cannot list a folder). */
    public static List<String> bundledCardNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource("index.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) if (!line.isBlank() && !line.startsWith("#")) names.add(line.trim());
        }
        return names;
    }

    /** Opens a file of the bundle, such as {@code PROVENANCE.md}. */
    public static InputStream resource(String name) throws IOException {
        InputStream in = CatalogLoader.class.getResourceAsStream(BUNDLE + name);
        if (in == null) throw new IOException("bundled file " + name + " is missing from the jar");
        return in;
    }

    /** A folder of cards or one card file. */
    public static Catalog load(Path path) throws IOException, CatalogLoadException {
        List<CardProblem> problems = new ArrayList<>();
        if (!Files.exists(path)) {
            problems.add(new CardProblem(path.toString(), 0, "", "no such file or folder"));
            throw new CatalogLoadException(problems);
        }
        Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        MarketMap markets;
        Path marketFile = folder.resolve(MARKETS);
        if (Files.isRegularFile(marketFile)) {
            try (InputStream in = Files.newInputStream(marketFile)) {
                markets = MarketMapReader.read(in, marketFile.toString(), problems);
            }
        } else {
            markets = bundledMarkets(problems);
        }
        // Without a usable market map every card row would add an "unknown market" echo of the one real problem.
        if (!problems.isEmpty()) throw new CatalogLoadException(problems);
        List<CoveragePeriod> coverage = new ArrayList<>();
        Path coverageFile = folder.resolve(COVERAGE);
        if (Files.isRegularFile(coverageFile) && Files.isDirectory(path)) {
            try (InputStream in = Files.newInputStream(coverageFile)) {
                coverage = CoverageReader.read(in, coverageFile.toString(), problems);
            }
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv"))
                        .filter(p -> !p.getFileName().toString().equals(MARKETS) && !p.getFileName().toString().equals(COVERAGE))
                        .sorted().forEach(files::add);
            }
        } else {
            files.add(path);
        }
        List<RateCard> cards = new ArrayList<>();
        List<Path> metaFiles = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (NormalizedCardReader.isNormalizedName(name)) {
                try (InputStream in = Files.newInputStream(f)) {
                    RateCard c = NormalizedCardReader.read(in, f.toString(), name, markets.markets(), problems);
                    if (c != null) cards.add(c);
                }
            } else {
                metaFiles.add(f);
            }
        }
        cards.addAll(MetaFiles.read(metaFiles, markets, problems));
        if (cards.isEmpty() && problems.isEmpty())
            problems.add(new CardProblem(path.toString(), 0, "", "no rate card found (expected meta-rates-<CUR>-<YYYY-MM-DD>.csv "
                    + "files or Meta's downloaded rate files)"));
        checkDuplicates(cards, problems);
        if (!problems.isEmpty()) throw new CatalogLoadException(problems);
        return new Catalog(new RateCatalog(cards, coverage, path.toString()), markets);
    }

    private static void checkDuplicates(List<RateCard> cards, List<CardProblem> problems) {
        Map<String, RateCard> seen = new HashMap<>();
        for (RateCard c : cards) {
            RateCard other = seen.put(c.id(), c);
            if (other != null)
                problems.add(new CardProblem(c.source(), 0, "", "two cards for " + c.id() + ": " + other.source()
                        + " and " + c.source()));
        }
    }
}
