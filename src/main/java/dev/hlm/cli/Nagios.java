package dev.hlm.cli;

/**
 * The monitoring-plugin convention (Nagios, Icinga, Naemon): one line {@code SERVICE STATE - summary | perfdata}
 * on standard output, and the state as exit code.
 */
public enum Nagios {
    OK(0),
    WARNING(1),
    CRITICAL(2),
    UNKNOWN(3);

    private final int exitCode;

    Nagios(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** {@code HLM OK - summary | perfdata}; the summary is made one line, and the perfdata left out when empty. */
    public String line(String summary, String perfdata) {
        String text = "HLM " + name() + " - " + Failures.oneLine(summary).replace('|', '/');
        return perfdata == null || perfdata.isEmpty() ? text : text + " | " + perfdata;
    }
}
