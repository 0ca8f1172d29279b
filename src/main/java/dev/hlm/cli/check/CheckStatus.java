package dev.hlm.cli.check;

/** The verdict of one pre-flight check. */
public enum CheckStatus {
    /** The prerequisite holds. */
    PASS,
    /** It may hold, or holds with a risk: linking can work; {@code --strict} treats it as a failure. */
    WARN,
    /** Linking will fail, or fail later, until this is fixed. */
    FAIL,
    /** Not checked because an earlier check failed (its FAIL row says what to fix). */
    SKIP
}
