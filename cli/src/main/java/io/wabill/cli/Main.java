package io.wabill.cli;

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
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // Not a stack trace: say what to do. (Readers bound what they hold; this is the last resort.)
            err.println("wabill: out of memory (Java heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); give more with "
                    + "WABILL_JAVA_OPTS=-Xmx… or use a smaller input");
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }

    /** "command --option" to what to do instead, for the options taken out of a command. */
    private static final java.util.Map<String, String> NOT_APPLICABLE = new java.util.concurrent.ConcurrentHashMap<>();

    private static void without(CommandLine command, String hint, String... names) {
        if (command == null) return;
        for (String n : names) {
            var option = command.getCommandSpec().findOption(n);
            if (option != null) command.getCommandSpec().remove(option);
            NOT_APPLICABLE.put(command.getCommandName() + " " + n, hint);
        }
    }

    /** The whole command line, every command in it (its help lists them all). */
    public static CommandLine commandLine() { return commandLine(new String[0]); }

    /**
     * The command line that runs {@code argv}: when they start with a command's name, only that command is built (a
     * run needs no other); else every one, for the help, the version and the usage errors that list them.
     */
    static CommandLine commandLine(String... argv) {
        CommandLine cli = new CommandLine(new WabillCommand());
        Class<?> only = argv.length == 0 ? null : WabillCommand.COMMANDS.stream()
                .filter(c -> c.getAnnotation(CommandLine.Command.class).name().equals(argv[0])).findFirst().orElse(null);
        // Added before the settings below, which reach the subcommands present when they are set.
        for (Class<?> c : WabillCommand.COMMANDS) if (only == null || c == only) cli.addSubcommand(c);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> Failures.report(e, cmd.getErr()));
        // The shared output options that a command does not use are taken out of it, so its help lists only what it
        // honours and anything else is refused as an unknown option (exit 2) rather than ignored.
        without(cli.getSubcommands().get("compare"), "a FOCUS dataset is one run's costs: run simulate with the scenario's "
                + "--regime/--card to export one; compare writes ledgers with --ledgers", "--focus", "--no-ledger", "--top-markets");
        without(cli.getSubcommands().get("reconcile"), "run simulate on the imported log for charts, a report or a FOCUS "
                + "export", "--focus", "--report", "--charts", "--chart-size", "--top-markets");
        HelpLayout.install(cli);
        CommandLine.IParameterExceptionHandler usage = new UsageErrors();
        cli.setParameterExceptionHandler((ex, args) -> {
            if (ex instanceof CommandLine.UnmatchedArgumentException u) {
                for (String arg : u.getUnmatched()) {
                    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                    String hint = NOT_APPLICABLE.get(u.getCommandLine().getCommandName() + " " + name);
                    if (hint != null) {
                        u.getCommandLine().getErr().println("wabill " + u.getCommandLine().getCommandName() + ": " + name
                                + " does not apply here; " + hint);
                        u.getCommandLine().getErr().flush();
                        return ExitCodes.USAGE;
                    }
                }
            }
            return usage.handleParseException(ex, args);
        });
        return cli;
    }
}
