package io.wabill.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Lays out the free text of every command's help (description and footer) to the help width, breaking lines only
 * at spaces: a sentence the source broke by hand is joined and re-wrapped, and an indented table row (the strategy
 * table of compare) wraps under its own second column instead of at column 0.
 */
final class HelpLayout {
    private HelpLayout() {}

    static void install(CommandLine cli) {
        cli.setUsageHelpAutoWidth(true);
        cli.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, renderer(true));
        cli.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, renderer(false));
        cli.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commandList);
        for (CommandLine sub : cli.getSubcommands().values()) install(sub);
    }

    private static IHelpSectionRenderer renderer(boolean description) {
        return help -> {
            UsageMessageSpec usage = help.commandSpec().usageMessage();
            String[] lines = description ? usage.description() : RuleHelpFooter.footer(help);
            if (lines.length == 0) return "";
            List<String> interpolated = new ArrayList<>();
            for (String l : lines) interpolated.add(unformat(l));
            return layout(interpolated, usage.width());
        };
    }

    /**
     * The list of subcommands: each with the first sentence of its description (picocli takes the first source
     * line, which a hand-broken description cuts mid-sentence), wrapped under its own column.
     */
    private static String commandList(CommandLine.Help help) {
        var subs = help.subcommands();
        if (subs.isEmpty()) return "";
        int nameWidth = 0;
        for (String name : subs.keySet()) nameWidth = Math.max(nameWidth, name.length());
        StringBuilder out = new StringBuilder();
        for (var e : subs.entrySet()) {
            UsageMessageSpec usage = e.getValue().commandSpec().usageMessage();
            List<String> lines = new ArrayList<>();
            for (String l : usage.description()) lines.add(unformat(l));
            String text = layout(lines, Integer.MAX_VALUE).strip();
            if (text.indexOf('\n') > 0) text = text.substring(0, text.indexOf('\n'));
            int end = text.indexOf(". ");
            String first = end < 0 ? text : text.substring(0, end + 1);
            String row = "  " + e.getKey() + " ".repeat(nameWidth - e.getKey().length() + 2) + first;
            wrap(row, help.commandSpec().usageMessage().width(), out);
        }
        return out.toString();
    }

    /** picocli formats description and footer lines: {@code %n} is a line break and {@code %%} a percent sign. */
    private static String unformat(String line) {
        return line.replace("%n", "\n").replace("%%", "%");
    }

    /** Joins hand-broken prose, then wraps every paragraph and table row at spaces. */
    static String layout(List<String> lines, int width) {
        List<String> paragraphs = new ArrayList<>();
        for (String raw : lines) {
            for (String line : raw.split("\n", -1)) {
                int last = paragraphs.size() - 1;
                boolean prose = !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
                if (prose && last >= 0 && joinable(paragraphs.get(last))) paragraphs.set(last, paragraphs.get(last) + " " + line.strip());
                else paragraphs.add(line);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String p : paragraphs) wrap(p, width, out);
        return out.toString();
    }

    /** Prose continues on the next source line unless the line ended a sentence or introduced a list. */
    private static boolean joinable(String previous) {
        if (previous.isEmpty() || Character.isWhitespace(previous.charAt(0))) return false;
        char end = previous.charAt(previous.length() - 1);
        return end != '.' && end != ':';
    }

    private static void wrap(String line, int width, StringBuilder out) {
        if (line.length() <= width) {
            out.append(line).append('\n');
            return;
        }
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') indent++;
        int hanging = hangingIndent(line, indent);
        String prefix = " ".repeat(indent);
        String rest = line.substring(indent);
        boolean first = true;
        while (!rest.isEmpty()) {
            int room = width - prefix.length();
            if (rest.length() <= room) {
                out.append(prefix).append(rest).append('\n');
                break;
            }
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= 0) cut = rest.indexOf(' ');           // one word longer than the line: keep it whole
            if (cut <= 0) {
                out.append(prefix).append(rest).append('\n');
                break;
            }
            out.append(prefix).append(rest, 0, cut).append('\n');
            rest = rest.substring(cut).stripLeading();
            if (first) {
                prefix = " ".repeat(hanging);
                first = false;
            }
        }
    }

    /**
     * Where continuation lines start: under the second column of a table row (text after a run of two or more
     * spaces), else a little in from the line's own indentation.
     */
    private static int hangingIndent(String line, int indent) {
        int gap = line.indexOf("  ", indent);
        if (gap > 0) {
            int col = gap;
            while (col < line.length() && line.charAt(col) == ' ') col++;
            if (col < line.length() && col < 60) return col;
        }
        if (indent >= 8) return indent;                     // already the second column of a table
        return indent == 0 ? 0 : indent + 4;
    }
}
