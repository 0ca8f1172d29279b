package dev.hlm.cli;

import dev.hlm.client.SafeText;

/**
 * The monitoring-plugin convention (Nagios, Icinga, Naemon): one line {@code SERVICE STATE - summary | perfdata}
 * on standard output, and the state as exit code.
 */
public enum Nagios {
    OK(0),
    WARNING(1),
    CRITICAL(2),
    UNKNOWN(3);

    /** The option that asks a command for one plugin line ({@code hlm link status --nagios}). */
    public static final String OPTION = "--nagios";

    private final int exitCode;

    Nagios(int exitCode) {
        this.exitCode = exitCode;
    }

    /** True when a command line asks for a plugin line: then even its usage errors are reported as one. */
    static boolean requestedBy(java.util.List<String> args) {
        return args.contains(OPTION);
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * {@code HLM OK - summary | perfdata}; the summary (which holds server text: display names, health
     * messages) escaped to one line of visible characters, its {@code |} made {@code /} so it cannot start
     * the perfdata, and the perfdata left out when empty.
     */
    public String line(String summary, String perfdata) {
        String text = "HLM " + name() + " - " + SafeText.escape(summary).replace('|', '/');
        return perfdata == null || perfdata.isEmpty() ? text : text + " | " + perfdata;
    }
}
