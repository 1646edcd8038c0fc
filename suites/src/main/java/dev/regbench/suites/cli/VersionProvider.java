package dev.regbench.suites.cli;

import picocli.CommandLine;

/** Prints regbench's version from the jar manifest (or {@code dev} when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = RegbenchCli.class.getPackage().getImplementationVersion();
        return new String[] {"regbench " + (version == null ? "dev" : version)};
    }
}
