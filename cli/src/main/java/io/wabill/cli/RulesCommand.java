package io.wabill.cli;

import io.wabill.sim.names.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wabill rules [ID…]}: the pricing rules the ledger's note column and the help cite, from docs/rules.md. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Explain the pricing rules that the ledger's note column and the help cite by id.",
            "Without an id, lists every rule with its title."},
        footer = {"", "Examples:", "  wabill rules D6 G2a     the volume tiers and the catalog coverage rules",
            "  wabill rules --all      every rule (the text of docs/rules.md)"})
public final class RulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "rule ids such as G2a, D6 or E3 (any case)")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "print every rule in full")
    boolean all;

    @Override public Integer call() {
        RuleBook book = RuleBook.bundled();
        PrintWriter out = spec.commandLine().getOut();
        List<RuleBook.Rule> chosen = new ArrayList<>();
        for (String id : ids) {
            RuleBook.Rule r = book.find(id);
            if (r == null) {
                throw new ParameterException(spec.commandLine(), "no rule " + id + Suggestions.hint(id, book.ids())
                        + "; 'wabill rules' lists them all");
            }
            chosen.add(r);
        }
        if (all) {
            out.println(book.preamble());
            chosen = book.all();
        }
        if (chosen.isEmpty()) {
            out.println("The pricing rules wabill follows (the ids the ledger's note column and the help cite).");
            out.println("Print one or more with 'wabill rules ID…', all of them with 'wabill rules --all'.");
            out.println();
            for (RuleBook.Rule r : book.all()) out.printf("  %-4s %s%n", r.id(), r.title());
            return ExitCodes.OK;
        }
        for (RuleBook.Rule r : chosen) {
            out.println();
            out.println(r.text());
        }
        return ExitCodes.OK;
    }
}
