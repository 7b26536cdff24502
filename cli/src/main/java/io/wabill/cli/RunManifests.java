package io.wabill.cli;

import io.wabill.report.RunManifest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code run.json} header of a command: its name, its arguments as given (secrets hidden) and wabill's version. */
final class RunManifests {
    /** Options whose value must not be written into a file next to the outputs. */
    private static final List<String> SECRET = List.of("--mask-salt");

    private RunManifests() {}

    static RunManifest of(CommandSpec spec) {
        String command = spec.qualifiedName(" ");
        String root = spec.root().name();
        if (command.startsWith(root + " ")) command = command.substring(root.length() + 1);
        List<String> given = spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        return new RunManifest(command, hideSecrets(given), VersionProvider.version());
    }

    static List<String> hideSecrets(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean hideNext = false;
        for (String a : args) {
            if (hideNext) {
                out.add("(hidden)");
                hideNext = false;
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (SECRET.contains(name)) {
                if (a.contains("=")) out.add(name + "=(hidden)");
                else {
                    out.add(a);
                    hideNext = true;
                }
            } else out.add(a);
        }
        return out;
    }
}
