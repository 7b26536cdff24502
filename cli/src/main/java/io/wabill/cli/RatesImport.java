package io.wabill.cli;

import io.wabill.data.rates.CatalogLoadException;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.data.rates.NormalizedCardWriter;
import io.wabill.data.rates.meta.MetaRateCardReader;
import io.wabill.sim.market.MarketMap;
import io.wabill.sim.rates.CardProblem;
import io.wabill.sim.rates.MissingCardAdvice;
import io.wabill.sim.rates.RateCard;
import io.wabill.report.OutputSet;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.StandardCopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wabill rates import FILE… --out DIR}: Meta's rate card files as downloaded (the rates file and, where Meta
 * publishes one, its volume-tier file) become a catalog folder of normalized cards that {@code --rates DIR} reads.
 * Every problem of every file is reported at once; nothing is written unless all files read cleanly.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Turn Meta's rate card files, as downloaded, into a catalog folder for --rates.",
            "Give the rates file and, for per-message cards with volume tiers, its volume-tier file (CSV or XLSX, as Meta "
                + "publishes them on " + MissingCardAdvice.META_PRICING_PAGE + "). Each card is written as "
                + "meta-rates-<CUR>-<YYYY-MM-DD>.csv; the folder is complete from its first card on (G2a)."},
        footer = {"", "Example:",
            "  wabill rates import 'USD rates July 2025.csv' 'USD volume tiers July 2025.csv' --out my-cards",
            "  wabill simulate log-2025-08.csv --rates my-cards"})
final class RatesImport implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Meta's downloaded rate and volume-tier files (CSV or XLSX)")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the catalog folder to write the cards into")
    Path out;

    @Override public Integer call() throws Exception {
        List<CardProblem> problems = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) problems.add(new CardProblem(f.toString(), 0, "", "no such file"));
            else if (!MetaRateCardReader.looksLikeMetaFile(f))
                problems.add(new CardProblem(f.toString(), 0, "", "not one of Meta's rate or volume-tier files (no title"
                        + " row such as 'Cost per message in USD …, effective …' and no Market/Currency header)"));
        }
        if (!problems.isEmpty()) throw new CatalogLoadException(problems);
        MarketMap markets = CatalogLoader.bundledMarkets(problems);
        List<RateCard> cards = MetaRateCardReader.read(files, markets.markets(), problems);
        if (!problems.isEmpty()) throw new CatalogLoadException(problems);
        if (cards.isEmpty()) {
            problems.add(new CardProblem(String.join(", ", files.stream().map(Path::toString).toList()), 0, "",
                    "no rates file among these (a volume-tier file needs the rates file of the same currency and date)"));
            throw new CatalogLoadException(problems);
        }
        PrintWriter o = spec.commandLine().getOut();
        // One output set that grows import by import: the cards are staged, the folder is locked against a second
        // import or a run, and nothing is published unless the folder, read as --rates will read it with the new cards,
        // loads; cards of earlier imports stay, and run.json names them with this import's.
        List<Path> written;
        try (OutputSet outputs = OutputSet.begin(out, RunManifests.of(spec).inputs(files)).accumulating()) {
            for (RateCard c : cards) {
                try (Writer w = outputs.open(NormalizedCardWriter.fileName(c))) {
                    NormalizedCardWriter.write(c, w);
                }
            }
            checkAsPublished(outputs, cards);
            outputs.manifest().rows("cards", cards.size());
            written = outputs.commit();
        }
        for (RateCard c : cards)
            o.printf("%s: %d markets -> %s%n", c.id(), c.markets().size(), out.resolve(NormalizedCardWriter.fileName(c)));
        SimulateCommand.printWritten(o, written);
        o.println("Use it with: --rates " + out);
        return ExitCodes.OK;
    }

    /**
     * Loads the catalog the folder will be once this import is published (its cards, markets.csv and coverage.csv
     * as they are, with the new cards in place) from a private copy, so a card that imports is a card that prices;
     * a problem names the file in the folder.
     */
    private void checkAsPublished(OutputSet outputs, List<RateCard> cards) throws Exception {
        Path check = Files.createTempDirectory("wabill-rates-check");
        try {
            Path folder = outputs.path();
            try (java.util.stream.Stream<Path> s = Files.list(folder)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    String name = p.getFileName().toString();
                    if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") && !name.startsWith("."))
                        Files.copy(p, check.resolve(name));
                }
            }
            for (RateCard c : cards) {
                String name = NormalizedCardWriter.fileName(c);
                Files.copy(outputs.written(folder.resolve(name)), check.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                CatalogLoader.load(check);
            } catch (CatalogLoadException e) {
                List<CardProblem> named = new ArrayList<>();
                for (CardProblem p : e.problems())
                    named.add(new CardProblem(p.file().replace(check.toString(), out.toString()), p.line(), p.column(), p.message()));
                throw new CatalogLoadException(named);
            }
        } finally {
            try (java.util.stream.Stream<Path> s = Files.walk(check)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
