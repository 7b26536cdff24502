package io.wabill.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The default of {@code --threads}: every processor the JVM may use, known only when the command runs. */
public final class Threads implements CommandLine.IDefaultValueProvider {
    @Override public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec o && "--threads".equals(o.longestName()))
            return Integer.toString(Runtime.getRuntime().availableProcessors());
        return null;
    }
}
