package dev.hlm.cli.check;

/** The verdict of one pre-flight check. */
public enum CheckStatus {
    /** The prerequisite holds. */
    PASS,
    /** It may hold, or holds with a risk: linking can work; {@code --strict} treats it as a failure. */
    WARN,
    /** Linking will fail, or fail later, until this is fixed. */
    FAIL,
    /**
     * Not checked: an earlier check failed, or did not vouch for the PSC enough to send it the password. The
     * row says why; {@code link check} is then never "ready" (exit {@code ExitCodes.NOT_VERIFIED} when
     * nothing failed).
     */
    SKIP
}
