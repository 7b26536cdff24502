package io.wabill.cli;

import io.wabill.app.UserException;

import io.wabill.data.log.LogFormatException;
import io.wabill.data.rates.CatalogLoadException;
import io.wabill.sim.api.PricingConfigException;
import io.wabill.sim.api.PricingProblemException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code wabill} command's entry point. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Charts are drawn without a screen (servers, CI); set before anything starts AWT.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code, with output to the given writers (tests use this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WabillCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        RuleHelpFooter.addTo(cli);
        HelpLayout.install(cli);
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof UserException || e instanceof LogFormatException || e instanceof CatalogLoadException
                    || e instanceof PricingProblemException || e instanceof PricingConfigException) {
                err.println("wabill: " + FlagNames.of(e.getMessage()));
                return ExitCodes.BAD_INPUT;
            }
            if (e instanceof java.nio.file.NoSuchFileException) {
                err.println("wabill: no such file: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (e instanceof java.io.IOException) {
                err.println("wabill: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            err.println("wabill: internal error, please report it with the command line that caused it:");
            e.printStackTrace(err);
            return ExitCodes.INTERNAL;
        });
        return cli;
    }
}
