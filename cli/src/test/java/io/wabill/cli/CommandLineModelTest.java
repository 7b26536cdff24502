package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run builds the model of the command it runs; help, version and usage errors see every command. */
class CommandLineModelTest {
    private static final List<String> ALL = List.of("simulate", "compare", "generate", "forecast", "import", "reconcile",
            "rates", "quote", "rules", "demo");

    @Test
    void theWholeCommandLineHasEveryCommandInTheHelpsOrder() {
        assertEquals(ALL, List.copyOf(Main.commandLine().getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(Main.commandLine("--help").getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(Main.commandLine("simulat").getSubcommands().keySet()), "a misspelt command is suggested from all");
    }

    @Test
    void aRunBuildsOnlyItsCommandWithItsOwnSubcommands() {
        for (String name : ALL) {
            CommandLine cli = Main.commandLine(name, "--help");
            assertEquals(List.of(name), List.copyOf(cli.getSubcommands().keySet()), name);
            assertEquals(Main.commandLine().getSubcommands().get(name).getSubcommands().keySet(),
                    cli.getSubcommands().get(name).getSubcommands().keySet(), name + "'s own subcommands");
        }
    }
}
