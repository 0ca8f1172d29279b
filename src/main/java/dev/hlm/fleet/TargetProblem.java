package dev.hlm.fleet;

/**
 * Why one target cannot be read or converged: a password reference that does not resolve, a trust file that
 * cannot be read, a server that cannot be reached or refuses. It stops that target only; the message is one line
 * and never holds a secret.
 */
public final class TargetProblem extends RuntimeException {
    public TargetProblem(String message) {
        super(message, null, false, false);
    }
}
