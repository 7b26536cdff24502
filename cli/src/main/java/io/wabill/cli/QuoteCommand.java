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
        description = {"Price monthly volumes per market and category without a log: messages under per-message pricing",
            "(PMP, PMP-26: graduated volume bands, D6), conversations under CBP-2 (per category, C1) and CBP-1",
            "(user_initiated, business_initiated, B2); the card in force on the month's first day or a chosen one, and",
            "stated assumptions for what volumes cannot tell (utility inside the window, free tiers, free entry points,",
            "authentication to international numbers). Prints the quote and writes quote.csv into --out."},
        footer = {"", "Examples:",
            "  wabill quote --month 2026-11 --volume Brazil:marketing=120000 --volume Brazil:utility=80000 \\",
            "               --volume Brazil:service=30000 --service-in-free-tier 0.05",
            "  wabill quote --volumes volumes.csv --card USD@2026-10-01 --utility-in-window 0.3",
            "  wabill quote --month 2024-09 --volume India:authentication=40000 --auth-international 0.25   # CBP-2: conversations",
            "volumes.csv: month,market,category,messages (month may be left out with --month)."})
public final class QuoteCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "the month of --volume flags (and of volumes.csv rows without one)")
    String month;

    @Option(names = "--volume", paramLabel = "MARKET:CATEGORY=N", description = "delivered messages in a month, conversations in a month under CBP (repeatable), e.g. Brazil:utility=80000; categories: marketing, utility, authentication, service; user_initiated, business_initiated under CBP-1")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--volumes", paramLabel = "FILE", description = "a CSV of volumes: month,market,category,messages")
    Path volumesFile;

    @Option(names = "--currency", paramLabel = "CUR", defaultValue = "USD", description = "the billing currency; default: ${DEFAULT-VALUE}")
    String currency;

    @Option(names = "--rates", paramLabel = "DIR|FILE", description = "rate cards to use instead of the bundled catalog")
    Path rates;

    @Option(names = "--card", paramLabel = "CUR@DATE", description = "price every month with this card; default: the card in force on each month's first day (G2)")
    String card;

    @Option(names = "--regime", paramLabel = "NAME", converter = RegimeConverter.class, description = "price under CBP-1, CBP-2, PMP or PMP-26 whatever the month; default: the timeline (G1)")
    Regime regime;

    @Option(names = "--allow-stale-card", description = "price a month the catalog declares missing with the newest older card (G2a)")
    boolean allowStaleCard;

    @Option(names = "--utility-in-window", paramLabel = "SHARE", defaultValue = "0",
            description = "share (0 to 1) of utility templates delivered inside an open customer service window: free under PMP (D3), charged under PMP-26 (E1); default: ${DEFAULT-VALUE}")
    BigDecimal utilityInWindow;

    @Option(names = "--service-in-free-tier", paramLabel = "SHARE", defaultValue = "0",
            description = "share (0 to 1) of service messages inside the monthly free tier of 1,000 per business number (E3, PMP-26), or of service conversations among the account's first 1,000 (C5, CBP-2 before 2024-11); default: ${DEFAULT-VALUE}")
    BigDecimal serviceInFreeTier;

    @Option(names = "--in-free-entry-point", paramLabel = "SHARE", defaultValue = "0",
            description = "share (0 to 1) of every volume inside a free entry point: messages in the 72 h window after the reply to a click-to-WhatsApp ad or Page CTA (D5, E5: free, no tier count), conversations a free entry point conversation replaces under CBP (B4, C7); default: ${DEFAULT-VALUE}")
    BigDecimal inFreeEntryPoint;

    @Option(names = "--auth-international", paramLabel = "SHARE", defaultValue = "0",
            description = "share (0 to 1) of authentication to users in a market whose card has an authentication-international rate, sent by a business based in another country and eligible (X1, X2; C8): priced at that rate, counted with authentication (D6); default: ${DEFAULT-VALUE}")
    BigDecimal authInternational;

    @Option(names = "--conversations-in-free-tier", paramLabel = "SHARE", defaultValue = "0",
            description = "CBP-1: share (0 to 1) of conversations among the account's first 1,000 of the month (B3); default: ${DEFAULT-VALUE}")
    BigDecimal conversationsInFreeTier;

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
            assumptions = new Assumptions(utilityInWindow, serviceInFreeTier, inFreeEntryPoint, authInternational,
                    conversationsInFreeTier);
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
        List<Path> written;
        // One output set like every command's: the folder locked, quote.csv staged, run.json written last.
        try (OutputSet outputs = OutputSet.begin(out, RunManifests.of(spec).input(volumesFile).input(rates))) {
            outputs.reserve("quote.csv");
            try (Writer w = outputs.open("quote.csv")) {
                QuoteTable.write(w, dialect, lines);
            }
            outputs.manifest().rows("volumes", lines.size());
            written = outputs.commit();
        }
        print(spec.commandLine().getOut(), lines, assumptions);
        SimulateCommand.printWritten(spec.commandLine().getOut(), written);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private void print(PrintWriter w, List<QuoteLine> lines, Assumptions a) {
        w.printf("%-8s %-24s %-18s %12s %-13s %10s %12s %16s  %-8s %-16s%n", "month", "market", "category", "volume", "unit",
                "free", "charged", "amount", "regime", "card");
        boolean conversations = false, messages = false;
        for (QuoteLine l : lines) {
            w.printf("%-8s %-24s %-18s %,12d %-13s %,10d %,12d %16s  %-8s %-16s%n", l.month(), l.market(), l.category().code(),
                    l.messages(), l.unit(), l.free(), l.charged(), LedgerFormat.amount(l.units()) + " " + l.currency(),
                    l.regime().label(), l.rateCard());
            if (l.unit().equals(QuoteLine.CONVERSATIONS)) conversations = true;
            else messages = true;
        }
        for (Map.Entry<String, Long> t : QuoteTable.totals(lines).entrySet())
            w.printf("Total %s: %s%n", t.getKey(), LedgerFormat.amount(t.getValue()));
        // Every assumption is said, with its rules, whether or not it was left at 0: a quote's reader sees what it rests on.
        w.println("Assumptions (shares of each volume; each row's basis in quote.csv says which applied):");
        w.println("  " + percent(a.inFreeEntryPoint()) + " inside a free entry point (free, no tier count: D5, E5; CBP: B4, C7)");
        if (messages)
            w.println("  " + percent(a.utilityInWindow()) + " of utility inside the customer service window (free under PMP, D3; "
                    + "charged under PMP-26, E1)");
        w.println("  " + percent(a.serviceInFreeTier()) + " of service inside the free tier (PMP-26: 1,000 messages a business "
                + "number, E3; CBP-2 before 2024-11: 1,000 conversations an account, C5; all service is free under PMP, D2, "
                + "and CBP-2 from 2024-11, C6)");
        w.println("  " + percent(a.authInternational()) + " of authentication to international numbers, eligible, where the card "
                + "has the rate (X1-X3)");
        if (conversations)
            w.println("  " + percent(a.conversationsInFreeTier()) + " of CBP-1 conversations among the account's first 1,000 (B3)");
        if (messages)
            w.println("Message volumes are delivered messages of one portfolio, counted into the volume bands from the month's "
                    + "first message (D6).");
        if (conversations)
            w.println("Months under CBP count conversations, not messages: each opened conversation is priced once at the "
                    + "list rate (B1, C2); messages inside one are covered.");
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
                    + "' is not one of " + QuoteCategory.names());
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
