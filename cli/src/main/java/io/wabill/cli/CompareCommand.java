package io.wabill.cli;

import io.wabill.app.ComparisonRun;
import io.wabill.app.ComparisonArtifacts;
import io.wabill.app.Ranking;
import io.wabill.app.Scenario;

import io.wabill.sim.api.Catalog;
import io.wabill.sim.domain.Regime;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.strategy.Strategies;
import io.wabill.sim.strategy.StrategyChain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wabill compare}: strategies, regimes and cards side by side on the same traffic. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Price the same log under several scenarios (strategy x regime x card) in one pass and rank them.",
            "Each scenario's delta is against as-logged under the same rules (regime and card): the timeline and card",
            "in force, or --regime/--card, plus each --what-if-regime and --what-if-card. Writes comparison.csv",
            "(scenario x month x market x category, with the delta to its baseline), scenarios.csv (the ranking, with",
            "drops, delays and pending messages next to the money) and, with --ledgers, ledger-N.csv (N = rank)."},
        footer = {"", "Strategies (parameters after ':', several composed with ';'):",
            "  as-logged                                  the baseline",
            "  conversation-first:defer=24h,categories=utility+marketing",
            "                                             templates wait for the customer's next message, then go free-form",
            "  notification-first:inside=false,category=utility",
            "                                             free-form outside the window becomes a template",
            "  window-aware-utility:defer=24h             utility templates wait for an open window",
            "  reclassify:p=0.1,seed=1                    a share of utility templates billed as marketing",
            "  quiet-hours:from=21:00,to=08:00,templates-only=false",
            "                                             nothing in local night hours; moved to the morning",
            "", "Example:",
            "  wabill compare log.csv --strategy conversation-first:defer=12h --strategy window-aware-utility --regime PMP-26"})
public final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "LOG", arity = "1..*", description = "message log files") List<Path> logs;

    @Option(names = "--strategy", paramLabel = "SPEC", description = "a strategy to compare (repeatable); see below")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--strategy-file", paramLabel = "FILE", description = "a file with one strategy per line, composed in order into one scenario ('#' comments)")
    List<Path> strategyFiles = new ArrayList<>();

    @Option(names = "--what-if-regime", paramLabel = "NAME", converter = RegimeConverter.class,
            description = "also price each strategy, and as-logged, under this regime (repeatable), besides the rules in force: NBP, CBP-1, CBP-2, PMP, PMP-26")
    List<Regime> regimes = new ArrayList<>();

    @Option(names = "--what-if-card", paramLabel = "CUR@DATE", description = "also price each strategy, and as-logged, with this card (repeatable), besides the card in force")
    List<String> cards = new ArrayList<>();

    @Option(names = "--ledgers", description = "write ledger-N.csv for every scenario, N its rank in scenarios.csv")
    boolean ledgers;

    @Option(names = "--fees", paramLabel = "FILE",
            description = "a provider's price list (from,category,per_message,percent,currency), as for simulate: each scenario's fees on its own messages; scenarios.csv and the ledgers gain the bill as paid, ranked by it; Meta's amounts and deltas are untouched")
    Path fees;

    @Option(names = "--tax", paramLabel = "RATE",
            description = "tax on Meta's amount plus fees, e.g. 0.18 or 18%%, per scenario as for simulate")
    String tax;

    @Mixin AccountOptions accounts;
    @Mixin PricingOptionsMixin pricing;
    @Mixin RunOutput output;
    @Mixin XlsxOption xlsx;

    @Override public Integer call() throws Exception {
        List<Scenario> scenarios = scenarios();
        Catalog catalog = SimulateCommand.loadCatalog(pricing.rates);
        io.wabill.sim.account.AccountBook book = accounts.book();
        ComparisonRun.Settings settings = new ComparisonRun.Settings(logs, catalog, book, scenarios,
                output.onError == RunOutput.OnError.SKIP, output.statusHorizon, output.maxUnsortedRows, output.out,
                ledgers, output.dialect, output.mask(), ConsoleProgress.forConsole(output.quiet),
                SimulateCommand.surcharges(spec, fees, tax, book));
        io.wabill.app.RunWorkbook workbook = xlsx.workbook(io.wabill.app.RunWorkbook.Kind.COMPARISON);
        ComparisonArtifacts artifacts = new ComparisonArtifacts(output.charts, output.report, output.chartSize,
                spec.commandLine().getParseResult().originalArgs()).withWorkbook(workbook);
        ComparisonRun.Result r = new ComparisonRun(settings, artifacts,
                SimulateCommand.manifest(spec, accounts, pricing).inputs(strategyFiles).input(fees)).run();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Rows in: %,d; %d scenario(s)%s%n", r.rowsIn(), scenarios.size(),
                r.sortedInMemory() ? "; the log was not sorted by time and was sorted in memory" : "");
        out.println();
        new Ranking(r.scenarios(), r.table()).print(out);
        SimulateCommand.printWritten(out, r.written());
        XlsxOption.printWritten(workbook, out);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Every strategy (and as-logged) under the rules in force, then under each what-if regime and card. The rules in
     * force are the timeline and the card in force, or what {@code --regime} and {@code --card} say, as in simulate.
     * What-if regimes and cards are added to them, never instead: each regime (in force and what-if) is crossed with
     * each card. Under each set of rules as-logged comes first and is the baseline of every strategy priced under
     * the same rules, so a strategy's delta never mixes its own effect with the rules'.
     */
    List<Scenario> scenarios() throws IOException {
        PricingOptions inForce = pricing.options();
        List<StrategyChain> chains = new ArrayList<>();
        try {
            for (String st : strategies) chains.add(Strategies.parse(st));
            for (Path f : strategyFiles) chains.add(Strategies.parse(readStrategyFile(f)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--strategy: " + e.getMessage());
        }
        chains.removeIf(StrategyChain::isAsLogged);
        chains.add(0, StrategyChain.asLogged());
        List<Regime> rs = new ArrayList<>();
        rs.add(inForce.forcedRegime());
        for (Regime r : regimes) if (!rs.contains(r)) rs.add(r);
        List<String> cs = new ArrayList<>();
        cs.add(inForce.pinnedCard());
        for (String c : cards) if (!cs.contains(c)) cs.add(c);
        List<Scenario> list = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Regime r : rs)
            for (String c : cs) {
                PricingOptions p = inForce.withForcedRegime(r).withPinnedCard(c);
                int baseline = list.size();
                for (StrategyChain chain : chains) {
                    String name = Scenario.describe(chain, p);
                    if (names.add(name)) list.add(new Scenario(name, chain, p, baseline));
                }
            }
        return list;
    }

    private static String readStrategyFile(Path f) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            b.append(b.length() == 0 ? "" : ";").append(t);
        }
        return b.toString();
    }
}
