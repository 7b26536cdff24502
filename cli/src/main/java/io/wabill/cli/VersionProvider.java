package io.wabill.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or the build's version during development. */
public final class VersionProvider implements IVersionProvider {
    @Override public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"wabill " + (v == null ? "0.1.0-SNAPSHOT" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
