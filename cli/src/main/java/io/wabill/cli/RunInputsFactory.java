package io.wabill.cli;

import io.wabill.app.SimulationRun;
import io.wabill.app.Provenance;

import io.wabill.sim.api.Catalog;
import io.wabill.report.RunFacts;
import io.wabill.report.html.RunInputs;
import io.wabill.sim.account.Account;
import io.wabill.sim.rates.CoveragePeriod;
import io.wabill.sim.rates.RateCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Gathers what a run was given and what it used into the report's inputs section. */
final class RunInputsFactory {
    private RunInputsFactory() {}

    static RunInputs of(CommandSpec spec, SimulationRun.Settings s, RunFacts facts) {
        List<RunInputs.LogFile> logs = new ArrayList<>();
        for (Path p : s.logs()) logs.add(new RunInputs.LogFile(p.toString(), size(p)));
        Catalog catalog = s.catalog();
        Provenance provenance = Provenance.bundled();
        boolean bundled = catalog.rates().description().equals("the bundled catalog");
        List<RunInputs.CardUse> cards = new ArrayList<>();
        for (Map.Entry<String, RunFacts.Use> e : facts.cards().entrySet()) {
            String id = e.getKey();
            int at = id.indexOf('@');
            RateCard card = at < 0 ? null : catalog.rates().card(id.substring(0, at), LocalDate.parse(id.substring(at + 1)));
            RunFacts.Use u = e.getValue();
            cards.add(new RunInputs.CardUse(id, card == null ? "" : card.effective().toString(),
                    card == null ? "" : card.source(), card == null ? "" : coverage(catalog, card),
                    card == null ? "" : provenance.of(card.source(), bundled), u.lines(), u.first().toString(), u.last().toString()));
        }
        List<RunInputs.RegimeUse> regimes = new ArrayList<>();
        facts.regimes().forEach((label, u) -> regimes.add(new RunInputs.RegimeUse(label, u.lines(), u.first().toString(),
                u.last().toString())));
        List<String[]> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) continue;
            Object v = o.getValue();
            options.add(new String[] {o.longestName(), v == null ? "" : String.valueOf(v)});
        }
        List<RunInputs.AccountInfo> accounts = new ArrayList<>();
        for (Account a : s.accounts().all())
            accounts.add(new RunInputs.AccountInfo(a.id(), a.zone().getId(), a.currency(),
                    Objects.toString(a.businessCountry(), ""), Objects.toString(a.authInternationalFrom(), ""), a.portfolio()));
        String command = "wabill " + spec.name() + " " + String.join(" ", spec.commandLine().getParseResult() == null
                ? List.of() : spec.commandLine().getParseResult().originalArgs());
        return new RunInputs(command.trim(), logs, catalog.rates().description(), cards, regimes, options, accounts);
    }

    /** What the catalog declares of the period a card starts in (G2a); a catalog without coverage is complete. */
    static String coverage(Catalog catalog, RateCard card) {
        for (CoveragePeriod p : catalog.rates().coverage())
            if (p.currency().equals(card.currency()) && p.contains(card.effective()))
                return p.status().code() + (p.note() == null || p.note().isEmpty() ? "" : ": " + p.note());
        return "complete (no coverage declared)";
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
