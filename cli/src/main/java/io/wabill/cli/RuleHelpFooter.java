package io.wabill.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Adds to the help of every command that cites a rule id (G2a, D6, …) a last line saying where the rule is
 * explained, so a reader of {@code --help} is never left with a bare id. The line is made when the help is shown
 * ({@link HelpLayout}'s footer), not when the command line is built: rendering every command's help to find its ids
 * cost about 0.15 s of every run's start.
 */
final class RuleHelpFooter {
    static final String LINE = "Rule ids such as %s: see 'wabill rules ID' (the text of docs/rules.md).";

    private RuleHelpFooter() {}

    /** The footer lines of the command whose help is being shown, with the rule line when its help cites ids. */
    static String[] footer(CommandLine.Help help) {
        String[] own = help.commandSpec().usageMessage().footer();
        if (help.commandSpec().name().equals("rules")) return own;
        List<String> cited = RuleBook.citedIds(helpAbove(help) + String.join("\n", own));
        if (cited.isEmpty()) return own;
        List<String> footer = new ArrayList<>(Arrays.asList(own));
        footer.add("");
        footer.add(String.format(LINE, String.join(", ", cited.subList(0, Math.min(3, cited.size())))));
        return footer.toArray(String[]::new);
    }

    /** Every section of the help but the footer, as shown. */
    private static String helpAbove(CommandLine.Help help) {
        CommandLine cli = help.commandSpec().commandLine();
        StringBuilder text = new StringBuilder();
        for (String key : cli.getHelpSectionKeys()) {
            if (key.equals(UsageMessageSpec.SECTION_KEY_FOOTER)) continue;
            CommandLine.IHelpSectionRenderer section = cli.getHelpSectionMap().get(key);
            if (section != null) text.append(section.render(help));
        }
        return text.toString();
    }
}
