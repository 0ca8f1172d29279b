package dev.hlm.cli;

/**
 * A failure the command line reports itself: one line {@code hlm: TYPE: message}, an optional hint, and an
 * exit code from {@link ExitCodes}.
 */
public final class CliException extends RuntimeException {
    private final int exitCode;
    private final String type;
    private final String hint;

    public CliException(int exitCode, String type, String message, String hint) {
        super(message);
        this.exitCode = exitCode;
        this.type = type;
        this.hint = hint;
    }

    /** A required option given neither on the command line nor in the environment: exit 2. */
    public static CliException missingOption(String message, String hint) {
        return usage(message, hint);
    }

    /** Bad input: exit 2. */
    public static CliException usage(String message, String hint) {
        return new CliException(ExitCodes.USAGE, "USAGE", message, hint);
    }

    public int exitCode() {
        return exitCode;
    }

    public String type() {
        return type;
    }

    public String hint() {
        return hint;
    }
}
