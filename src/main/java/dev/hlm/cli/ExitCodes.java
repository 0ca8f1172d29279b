package dev.hlm.cli;

/** The documented exit codes of every {@code hlm} command; listed in {@code hlm --help}. */
public final class ExitCodes {
    public static final int OK = 0;
    /**
     * The server understood and refused (an API error such as ALREADY_EXISTS or NOT_FOUND), or the person at the
     * terminal declined (a certificate, a removal): nothing was changed.
     */
    public static final int API_REFUSED = 1;
    /** The command line or an input file is wrong. */
    public static final int USAGE = 2;
    /** Could not connect, TLS refused, timeout, or an answer that is not the API. */
    public static final int CONNECTION = 3;
    /** Login failed or the account lacks a privilege. */
    public static final int AUTH = 4;
    /** A bug in hlm. */
    public static final int INTERNAL = 5;
    /**
     * {@code link check} only: nothing failed, but a check was not made (SKIP), so what it would have caught
     * (a wrong PSC password, domain or version) is not verified. Not 0, so {@code check && create} stops.
     */
    public static final int NOT_VERIFIED = 6;

    private ExitCodes() {}
}
