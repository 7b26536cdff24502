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
            "The baseline is as-logged under the rules and cards in force. Writes comparison.csv (scenario x month x",
            "market x category, with the delta to the baseline), scenarios.csv (the ranking, with delays and drops)",
            "and, with --ledgers, ledger-N.csv per scenario."},
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
            description = "also price each strategy under this regime (repeatable): NBP, CBP-1, CBP-2, PMP, PMP-26")
    List<Regime> regimes = new ArrayList<>();

    @Option(names = "--what-if-card", paramLabel = "CUR@DATE", description = "also price each strategy with this card (repeatable)")
    List<String> cards = new ArrayList<>();

    @Option(names = "--ledgers", description = "write ledger-N.csv for every scenario (N as in scenarios.csv order of definition)")
    boolean ledgers;

    @Mixin AccountOptions accounts;
    @Mixin PricingOptionsMixin pricing;
    @Mixin RunOutput output;

    @Override public Integer call() throws Exception {
        if (output.focus != null)
            throw new ParameterException(spec.commandLine(), "--focus is written by simulate (a FOCUS dataset is one run's "
                    + "costs); run simulate with the scenario's --regime/--card to export one");
        List<Scenario> scenarios = scenarios();
        Catalog catalog = SimulateCommand.loadCatalog(pricing.rates);
        ComparisonRun.Settings settings = new ComparisonRun.Settings(logs, catalog, accounts.book(), scenarios,
                output.onError == RunOutput.OnError.SKIP, output.statusHorizon, output.maxUnsortedRows, output.out,
                ledgers, output.dialect, output.mask(), ConsoleProgress.forConsole(output.quiet));
        ComparisonArtifacts artifacts = new ComparisonArtifacts(output.charts, output.report, output.chartSize,
                spec.commandLine().getParseResult().originalArgs());
        ComparisonRun.Result r = new ComparisonRun(settings, artifacts).run();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Rows in: %,d; %d scenario(s)%s%n", r.rowsIn(), scenarios.size(),
                r.sortedInMemory() ? "; the log was not sorted by time and was sorted in memory" : "");
        for (int i = 0; i < scenarios.size(); i++) out.printf("  %d. %s%n", i + 1, scenarios.get(i).name());
        out.println();
        new Ranking(r.scenarios(), r.table()).print(out);
        SimulateCommand.printWritten(out, r.written());
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The baseline first, then every strategy under every regime and card asked for. {@code --regime} and
     * {@code --card} (the simulate options) apply to every scenario but the baseline, like the what-if options.
     */
    List<Scenario> scenarios() throws IOException {
        PricingOptions base = pricing.options().withForcedRegime(null).withPinnedCard(null);
        List<StrategyChain> chains = new ArrayList<>();
        try {
            for (String st : strategies) chains.add(Strategies.parse(st));
            for (Path f : strategyFiles) chains.add(Strategies.parse(readStrategyFile(f)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--strategy: " + e.getMessage());
        }
        // as-logged under every what-if regime and card too, so a strategy's effect can be told from the rules'.
        if (chains.stream().noneMatch(StrategyChain::isAsLogged)) chains.add(0, StrategyChain.asLogged());
        Set<Regime> regimeSet = new LinkedHashSet<>(regimes);
        if (pricing.regime != null) regimeSet.add(pricing.regime);
        Set<String> cardSet = new LinkedHashSet<>(cards);
        if (pricing.card != null) cardSet.add(pricing.card);
        List<Regime> rs = new ArrayList<>();
        if (regimeSet.isEmpty()) rs.add(null);
        rs.addAll(regimeSet);
        List<String> cs = new ArrayList<>();
        if (cardSet.isEmpty()) cs.add(null);
        cs.addAll(cardSet);
        List<Scenario> list = new ArrayList<>();
        StrategyChain baseline = StrategyChain.asLogged();
        list.add(new Scenario(Scenario.describe(baseline, base), baseline, base));
        Set<String> names = new LinkedHashSet<>();
        names.add(list.get(0).name());
        for (StrategyChain chain : chains)
            for (Regime r : rs)
                for (String c : cs) {
                    PricingOptions p = base.withForcedRegime(r).withPinnedCard(c);
                    String name = Scenario.describe(chain, p);
                    if (names.add(name)) list.add(new Scenario(name, chain, p));
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
