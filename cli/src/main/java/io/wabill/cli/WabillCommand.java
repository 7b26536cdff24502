package io.wabill.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code wabill} command. */
@Command(name = "wabill", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Billing simulator and cost planner for WhatsApp Business Platform messaging.",
            "Replays message logs through Meta's pricing rules (NBP, CBP-1, CBP-2, PMP, PMP-26) message by message."},
        footer = {"", "Exit codes: 0 success, 1 bad input data, 2 usage error, 3 internal error.",
            "The rule ids the ledger and the help cite are explained by: wabill rules ID"})
public final class WabillCommand implements Runnable {
    /**
     * The commands, in the order the help lists them. Added by {@link Main#commandLine(String...)} rather than named in
     * the annotation, so a run builds the model of the one command it runs, not of all ten (picocli reads each
     * command's annotations by reflection: about 0.1 s of every start).
     */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(SimulateCommand.class, CompareCommand.class,
            GenerateCommand.class, ForecastCommand.class, ImportCommand.class, ReconcileCommand.class, RatesCommand.class,
            QuoteCommand.class, RulesCommand.class, DemoCommand.class);

    @Spec CommandSpec spec;

    @Override public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed: simulate, compare, generate, forecast, import, reconcile, rates, rules or demo (see wabill --help)");
    }
}
