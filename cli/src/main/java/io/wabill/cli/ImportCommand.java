package io.wabill.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wabill import}: turns data from elsewhere into a message log. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turn stored data into a message log (FORMATS.md section 1).",
        subcommands = {ImportWebhooksCommand.class})
public final class ImportCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        throw new ParameterException(spec.commandLine(), "a source is needed: webhooks (see wabill import --help)");
    }
}
