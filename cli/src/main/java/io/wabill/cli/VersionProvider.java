package io.wabill.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or the build's version during development. */
public final class VersionProvider implements IVersionProvider {
    /** wabill's version: the jar's implementation version, or the project's when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override public String[] getVersion() {
        return new String[] {"wabill " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
