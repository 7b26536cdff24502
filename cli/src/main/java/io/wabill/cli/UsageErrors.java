package io.wabill.cli;

import io.wabill.sim.names.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error as a person expects it: what was wrong, a suggestion when a name looks misspelt, and one line on
 * how to get help; never the whole help page (which buries the error under a hundred lines).
 */
final class UsageErrors implements IParameterExceptionHandler {
    @Override public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = ex.getMessage();
        err.println("wabill: " + message);
        if (ex instanceof UnmatchedArgumentException u && !message.contains("did you mean")) {
            List<String> suggestions = suggestions(u, cmd);
            if (!suggestions.isEmpty()) err.println("Did you mean " + String.join(" or ", suggestions) + "?");
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The options (or subcommands) closest to each unknown argument that looks like one. */
    private static List<String> suggestions(UnmatchedArgumentException u, CommandLine cmd) {
        List<String> found = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (OptionSpec o : cmd.getCommandSpec().options()) for (String n : o.names()) if (n.startsWith("--")) options.add(n);
        List<String> subcommands = new ArrayList<>(cmd.getSubcommands().keySet());
        for (String arg : u.getUnmatched()) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            List<String> near = name.startsWith("-") ? Suggestions.closest(name, options) : Suggestions.closest(name, subcommands);
            for (String s : near) if (!found.contains(s)) found.add(s);
        }
        return found;
    }
}
