package io.wabill.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Adds to the help of every command that cites a rule id (G2a, D6, …) a last line saying where the rule is
 * explained, so a reader of {@code --help} is never left with a bare id.
 */
final class RuleHelpFooter {
    static final String LINE = "Rule ids such as %s: see 'wabill rules ID' (the text of docs/rules.md).";

    private RuleHelpFooter() {}

    static void addTo(CommandLine cli) {
        CommandSpec spec = cli.getCommandSpec();
        List<String> cited = RuleBook.citedIds(cli.getUsageMessage(CommandLine.Help.Ansi.OFF));
        if (!cited.isEmpty() && !spec.name().equals("rules")) {
            List<String> footer = new ArrayList<>(Arrays.asList(spec.usageMessage().footer()));
            footer.add("");
            footer.add(String.format(LINE, String.join(", ", cited.subList(0, Math.min(3, cited.size())))));
            spec.usageMessage().footer(footer.toArray(String[]::new));
        }
        for (CommandLine sub : cli.getSubcommands().values()) addTo(sub);
    }
}
