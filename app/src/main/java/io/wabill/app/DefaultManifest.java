package io.wabill.app;

import io.wabill.report.RunManifest;
import java.util.List;

/**
 * The {@code run.json} header of a run started from Java rather than from the command line: the command it stands
 * for, no arguments, and the version of this module's jar. The command line passes its own manifest (its arguments,
 * wabill's version), so app never reaches up to cli for either.
 */
public final class DefaultManifest {
    private DefaultManifest() {}

    /** @param command the command the run stands for, e.g. {@code simulate} */
    public static RunManifest of(String command) {
        return new RunManifest(command, List.of(), version());
    }

    /** The jar's Implementation-Version, or {@code unknown} when run from classes (no jar manifest says it). */
    static String version() {
        String v = DefaultManifest.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
