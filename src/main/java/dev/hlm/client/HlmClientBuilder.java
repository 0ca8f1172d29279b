package dev.hlm.client;

import dev.hlm.tls.TrustPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Settings for one {@link HlmClient}, from {@link HlmClient#builder()}. Server, username and password are
 * required; {@link #build()} takes what is set then, so later calls change no client already built.
 */
public final class HlmClientBuilder {
    URI server;
    String username;
    char[] password;
    TrustPolicy trust = TrustPolicy.system();
    HlmClient.FlavorChoice flavor = HlmClient.FlavorChoice.AUTO;
    Duration connectTimeout = HlmClient.DEFAULT_CONNECT_TIMEOUT;
    Duration requestTimeout = HlmClient.DEFAULT_REQUEST_TIMEOUT;
    Duration linkTimeout = HlmClient.DEFAULT_LINK_TIMEOUT;
    /** Called by {@link #build()}: a deadline given as a length starts with the client, not with the builder. */
    Supplier<Deadline> deadline = () -> Deadline.NONE;
    RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    RecoveryListener listener = RecoveryListener.NONE;
    HttpTrace trace = HttpTrace.NONE;
    boolean dryRun;
    TrustOnFirstUse firstUse;

    HlmClientBuilder() {}

    /** A host, host:port or https URL (see {@link ServerAddress}). */
    public HlmClientBuilder server(String address) {
        this.server = ServerAddress.parse(address);
        return this;
    }

    public HlmClientBuilder server(URI address) {
        this.server = ServerAddress.parse(address.toString());
        return this;
    }

    public HlmClientBuilder username(String username) {
        this.username = username;
        return this;
    }

    /** Copied; the client clears its copy on close. */
    public HlmClientBuilder password(char[] password) {
        this.password = password;
        return this;
    }

    public HlmClientBuilder trust(TrustPolicy trust) {
        this.trust = Objects.requireNonNull(trust);
        return this;
    }

    public HlmClientBuilder flavor(HlmClient.FlavorChoice flavor) {
        this.flavor = Objects.requireNonNull(flavor);
        return this;
    }

    public HlmClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** How long each call may take, from sending it to the last byte of its answer (default 60 s). */
    public HlmClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout);
        return this;
    }

    /**
     * One bound on all of the client's work from its creation ({@link Deadline}): each call waits at most what
     * is left of it, no repeat starts that could not end in time, and the logout gets a short grace after it.
     * Null (the default): no bound beyond each call's timeout.
     */
    public HlmClientBuilder deadline(Duration total) {
        if (total == null) {
            this.deadline = () -> Deadline.NONE;
        } else {
            Duration length = positive(total);
            this.deadline = () -> Deadline.in(length);
        }
        return this;
    }

    /**
     * A bound already running, shared with the other clients of one piece of work (a command that talks to
     * the vCenter and to its PSC): each call of this client waits at most what is left of it, as above.
     */
    public HlmClientBuilder deadline(Deadline shared) {
        Objects.requireNonNull(shared, "shared");
        this.deadline = () -> shared;
        return this;
    }

    /** How long create and delete wait for their answer (default 10 min: they take minutes on a vCenter). */
    public HlmClientBuilder linkTimeout(Duration timeout) {
        this.linkTimeout = positive(timeout);
        return this;
    }

    /** When and how patiently to repeat failed calls ({@link RetryPolicy#NONE} to never repeat). */
    public HlmClientBuilder retries(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy);
        return this;
    }

    /** Hears retries, new logins and the settling of lost answers, e.g. to print them. */
    public HlmClientBuilder listener(RecoveryListener listener) {
        this.listener = Objects.requireNonNull(listener);
        return this;
    }

    private static Duration positive(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive");
        }
        return d;
    }

    public HlmClientBuilder trace(HttpTrace trace) {
        this.trace = Objects.requireNonNull(trace);
        return this;
    }

    /**
     * A dry run: the client logs in, reads and logs out as usual, but every operation that would change
     * something (any method but GET) is recorded in {@link HlmClient#plannedRequests()} instead of being sent, and
     * answers null.
     */
    public HlmClientBuilder dryRun(boolean dryRun) {
        this.dryRun = dryRun;
        return this;
    }

    /**
     * Who decides about a server met for the first time, with {@link TrustPolicy#knownHosts}; without one
     * such a server fails with TLS_UNTRUSTED.
     */
    public HlmClientBuilder trustOnFirstUse(TrustOnFirstUse decider) {
        this.firstUse = decider;
        return this;
    }

    public HlmClient build() {
        return new HlmClient(this);
    }
}
