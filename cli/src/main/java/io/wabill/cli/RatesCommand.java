package io.wabill.cli;

import io.wabill.app.UserException;
import io.wabill.report.OutputException;
import io.wabill.app.RatesFolder;

import io.wabill.sim.api.Catalog;
import io.wabill.data.rates.CatalogLoadException;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.CardChoice;
import io.wabill.sim.rates.CatalogException;
import io.wabill.sim.rates.CoveragePeriod;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCategory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wabill rates}: look at and check rate catalogs. */
@Command(name = "rates", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List, show, validate and import rate cards.",
        subcommands = {RatesCommand.ListCards.class, RatesCommand.Show.class, RatesCommand.Validate.class, RatesImport.class})
public final class RatesCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: list, show, validate or import");
    }

    static Catalog catalog(Path rates) throws Exception {
        return SimulateCommand.loadCatalog(rates);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the cards of a catalog and its declared coverage (G2a).")
    static final class ListCards implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--rates", paramLabel = "DIR|FILE", description = "a catalog other than the bundled one") Path rates;

        @Override public Integer call() throws Exception {
            Catalog c = catalog(rates);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Catalog: " + c.rates().description());
            out.printf("%-16s %8s  %s%n", "card", "markets", "categories (tiered ones marked *)");
            for (RateCard card : c.rates().cards()) {
                EnumMap<RateCategory, Boolean> cats = new EnumMap<>(RateCategory.class);
                for (Map<RateCategory, Bands> m : card.markets().values())
                    m.forEach((k, v) -> cats.merge(k, v.isTiered(), Boolean::logicalOr));
                StringBuilder b = new StringBuilder();
                cats.forEach((k, tiered) -> b.append(b.length() == 0 ? "" : ", ").append(k.code()).append(tiered ? "*" : ""));
                out.printf("%-16s %8d  %s%n", card.id(), card.markets().size(), b);
            }
            if (!c.rates().coverage().isEmpty()) {
                out.println();
                out.println("Coverage:");
                for (CoveragePeriod p : c.rates().coverage())
                    out.printf("  %-28s %-9s %s%n", p.describe(), p.status().code(), p.note() == null ? "" : p.note());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a market's rates and bands on the card in force on a date.")
    static final class Show implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "MARKET", description = "market name as on Meta's cards, e.g. Brazil or \"Rest of Africa\" (any case), "
                + "or a country, e.g. \"United States\" or US, shown with its market") String market;
        @Option(names = "--allow-stale-card", description = "in a period the catalog declares missing, show the newest older card (G2a)")
        boolean allowStale;
        @Option(names = "--date", paramLabel = "DATE", converter = DayConverter.class, description = "the day (account-local); default: today") LocalDate date;
        @Option(names = "--currency", paramLabel = "CUR", defaultValue = "USD", description = "default: ${DEFAULT-VALUE}") String currency;
        @Option(names = "--rates", paramLabel = "DIR|FILE", description = "a catalog other than the bundled one") Path rates;

        @Override public Integer call() throws Exception {
            Catalog c = catalog(rates);
            LocalDate day = date == null ? LocalDate.now() : date;
            CardChoice choice;
            try {
                choice = c.rates().choose(currency.toUpperCase(java.util.Locale.ROOT), day, allowStale);
            } catch (CatalogException e) {
                throw new UserException(e.getMessage());
            }
            RateCard card = choice.card();
            MarketLookup.Found found = MarketLookup.find(market, card, c.markets(), day);
            String market = found.market();
            PrintWriter out = spec.commandLine().getOut();
            if (found.country() != null) out.println(found.country() + " is in market " + market + " on " + day + " (G4, G5).");
            out.println(market + " on " + day + ": card " + card.id() + " (" + card.source() + ")"
                    + (choice.tiersUnknown() ? ", list rates only: volume tiers unknown for this period" : "")
                    + (choice.stale() ? ", an older card: the catalog has no card for this period (stale-card, G2a)" : ""));
            for (Map.Entry<RateCategory, Bands> e : card.markets().get(market).entrySet()) {
                Bands b = e.getValue();
                if (!b.isTiered()) {
                    out.printf("  %-30s %s%n", e.getKey().code(), b.first().rate().toPlainString());
                } else {
                    out.printf("  %-30s%n", e.getKey().code());
                    for (Band band : b.asList())
                        out.printf("    messages %-24s %s%n", band.from() + " to " + (band.isOpen() ? "more" : Long.toString(band.to())),
                                band.rate().toPlainString());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Validate a card file or a folder of cards; list every problem.")
    static final class Validate implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "PATH", description = "a card file or a folder of cards") Path path;

        @Override public Integer call() throws Exception {
            try {
                Catalog c = RatesFolder.load(path);
                spec.commandLine().getOut().println("OK: " + c.rates().cards().size() + " card(s) in " + path + ": "
                        + String.join(", ", c.rates().cards().stream().map(RateCard::id).toList()));
                return ExitCodes.OK;
            } catch (CatalogLoadException | OutputException e) {
                spec.commandLine().getErr().println("wabill: " + io.wabill.data.files.SafeText.message(e.getMessage()));
                return ExitCodes.BAD_INPUT;
            }
        }
    }
}
