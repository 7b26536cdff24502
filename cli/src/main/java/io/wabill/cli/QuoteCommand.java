package io.wabill.cli;

import io.wabill.app.UserException;
import io.wabill.data.quote.VolumesReader;
import io.wabill.report.CsvDialect;
import io.wabill.report.LedgerFormat;
import io.wabill.report.OutputSet;
import io.wabill.report.QuoteTable;
import io.wabill.sim.api.Catalog;
import io.wabill.sim.domain.Regime;
import io.wabill.sim.quote.Assumptions;
import io.wabill.sim.quote.QuoteCategory;
import io.wabill.sim.quote.QuoteLine;
import io.wabill.sim.quote.Quoter;
import io.wabill.sim.quote.Volume;
import io.wabill.sim.rates.CatalogException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wabill quote}: monthly volumes in, cost out, without a log. */
@Command(name = "quote", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Price monthly volumes per market and category without a log, by the per-message rules (PMP, PMP-26):",
            "graduated volume bands (D6), the card in force on the month's first day or a chosen one, and stated",
            "assumptions for what volumes cannot tell (utility inside the window, service inside the free tier).",
            "Prints the quote and writes quote.csv into --out."},
        footer = {"", "Examples:",
            "  wabill quote --month 2026-11 --volume Brazil:marketing=120000 --volume Brazil:utility=80000 \\",
            "               --volume Brazil:service=30000 --service-in-free-tier 0.05",
            "  wabill quote --volumes volumes.csv --card USD@2026-10-01 --utility-in-window 0.3",
            "volumes.csv: month,market,category,messages (month may be left out with --month)."})
public final class QuoteCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "the month of --volume flags (and of volumes.csv rows without one)")
    String month;

    @Option(names = "--volume", paramLabel = "MARKET:CATEGORY=N", description = "delivered messages in a month (repeatable), e.g. Brazil:utility=80000; categories: marketing, utility, authentication, service")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--volumes", paramLabel = "FILE", description = "a CSV of volumes: month,market,category,messages")
    Path volumesFile;

    @Option(names = "--currency", paramLabel = "CUR", defaultValue = "USD", description = "the billing currency; default: ${DEFAULT-VALUE}")
    String currency;

    @Option(names = "--rates", paramLabel = "DIR|FILE", description = "rate cards to use instead of the bundled catalog")
    Path rates;

    @Option(names = "--card", paramLabel = "CUR@DATE", description = "price every month with this card; default: the card in force on each month's first day (G2)")
    String card;

    @Option(names = "--regime", paramLabel = "NAME", converter = RegimeConverter.class, description = "price under PMP or PMP-26 whatever the month; default: the timeline (G1)")
    Regime regime;

    @Option(names = "--allow-stale-card", description = "price a month the catalog declares missing with the newest older card (G2a)")
    boolean allowStaleCard;

    @Option(names = "--utility-in-window", paramLabel = "SHARE", defaultValue = "0",
            description = "share (0 to 1) of utility templates delivered inside an open customer service window: free under PMP (D3), charged under PMP-26 (E1); default: ${DEFAULT-VALUE}")
    BigDecimal utilityInWindow;

    @Option(names = "--service-in-free-tier", paramLabel = "SHARE", defaultValue = "0",
            description = "share (0 to 1) of service messages inside the monthly free tier of 1,000 per business number (E3, PMP-26); default: ${DEFAULT-VALUE}")
    BigDecimal serviceInFreeTier;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "wabill-out", description = "where quote.csv goes; default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--csv-dialect", paramLabel = "DIALECT", defaultValue = "UNIX", description = "line ends and BOM of quote.csv: ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}")
    CsvDialect dialect;

    @Override public Integer call() throws Exception {
        YearMonth defaultMonth = month == null ? null : parseMonth(month);
        List<Volume> asked = new ArrayList<>();
        for (String v : volumes) asked.add(volume(v, defaultMonth));
        if (volumesFile != null) {
            try {
                asked.addAll(VolumesReader.read(volumesFile, defaultMonth));
            } catch (VolumesReader.VolumesException e) {
                throw new UserException(e.getMessage());
            }
        }
        if (asked.isEmpty()) throw new ParameterException(spec.commandLine(), "give volumes with --volume or --volumes");
        Assumptions assumptions;
        try {
            assumptions = new Assumptions(utilityInWindow, serviceInFreeTier);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Catalog catalog = SimulateCommand.loadCatalog(rates);
        List<QuoteLine> lines = new ArrayList<>();
        try {
            Quoter quoter = new Quoter(catalog.rates(), currency, card, regime, allowStaleCard, assumptions);
            for (Volume v : asked) {
                try {
                    lines.add(quoter.price(v));
                } catch (CatalogException | IllegalArgumentException e) {
                    throw new UserException(v.month() + " " + v.market() + " " + v.category().code() + ": " + e.getMessage());
                }
            }
        } catch (CatalogException e) {
            throw new UserException(e.getMessage());
        }
        OutputSet outputs = new OutputSet(out);
        List<Path> written;
        try {
            try (Writer w = outputs.open("quote.csv")) {
                QuoteTable.write(w, dialect, lines);
            }
            written = outputs.commit();
        } catch (Exception e) {
            outputs.abort();
            throw e;
        }
        print(spec.commandLine().getOut(), lines, assumptions);
        SimulateCommand.printWritten(spec.commandLine().getOut(), written);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private void print(PrintWriter w, List<QuoteLine> lines, Assumptions a) {
        w.printf("%-8s %-24s %-15s %12s %10s %12s %16s  %-8s %-16s%n", "month", "market", "category", "messages", "free",
                "charged", "amount", "regime", "card");
        for (QuoteLine l : lines)
            w.printf("%-8s %-24s %-15s %,12d %,10d %,12d %16s  %-8s %-16s%n", l.month(), l.market(), l.category().code(),
                    l.messages(), l.free(), l.charged(), LedgerFormat.amount(l.units()) + " " + l.currency(),
                    l.regime().label(), l.rateCard());
        for (Map.Entry<String, Long> t : QuoteTable.totals(lines).entrySet())
            w.printf("Total %s: %s%n", t.getKey(), LedgerFormat.amount(t.getValue()));
        w.println("Assumptions: " + percent(a.utilityInWindow()) + " of utility inside the customer service window "
                + "(free under PMP, D3; charged under PMP-26, E1); " + percent(a.serviceInFreeTier())
                + " of service messages inside the free tier (E3, PMP-26; all service is free under PMP, D2).");
        w.println("Volumes are delivered messages of one portfolio, counted into the volume bands from the month's first "
                + "message (D6); free entry points (D5) and authentication-international (X1) are not quoted.");
    }

    private static String percent(BigDecimal share) { return share.movePointRight(2).stripTrailingZeros().toPlainString() + " %"; }

    private YearMonth parseMonth(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--month: '" + text + "' is not a month YYYY-MM");
        }
    }

    private Volume volume(String text, YearMonth m) {
        int colon = text.lastIndexOf(':'), eq = text.lastIndexOf('=');
        if (colon < 1 || eq < colon)
            throw new ParameterException(spec.commandLine(), "--volume: '" + text + "' is not MARKET:CATEGORY=N");
        if (m == null) throw new ParameterException(spec.commandLine(), "--volume needs --month YYYY-MM");
        QuoteCategory category = QuoteCategory.parse(text.substring(colon + 1, eq));
        if (category == null)
            throw new ParameterException(spec.commandLine(), "--volume: '" + text.substring(colon + 1, eq)
                    + "' is not one of marketing, utility, authentication, service");
        long n;
        try {
            n = Long.parseLong(text.substring(eq + 1).strip().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--volume: '" + text.substring(eq + 1) + "' is not a whole number");
        }
        if (n < 0) throw new ParameterException(spec.commandLine(), "--volume: " + n + " messages is negative");
        return new Volume(m, text.substring(0, colon).strip(), category, n);
    }

}
