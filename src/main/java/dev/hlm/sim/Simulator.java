package dev.hlm.sim;

import dev.hlm.api.Summary;
import dev.hlm.sim.fault.Fault;
import dev.hlm.sim.fault.Injection;
import dev.hlm.tls.GeneratedCertificate;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A two-party HLM simulator: a cloud vCenter and an on-prem PSC, each an HTTPS server on 127.0.0.1 with its
 * own generated certificate, speaking the contract of {@code docs/decisions.md}. {@link Builder#build()} starts
 * both; {@link #close()} stops both.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.builder().apiVersion(ApiVersion.V8_0_1).build()) {
 *     URI cloud = sim.cloudUrl();   // log in with sim.cloudAdminUsername() / sim.cloudAdminPassword()
 *     // link to sim.pscHostname():sim.pscPort(), thumbprint sim.pscCertificate().sha256()
 * }
 * }</pre>
 *
 * Passwords not given to the builder are random; the simulator has no built-in secret, and never prints one.
 *
 * <p>The JDK's HTTP server reads its settings once per JVM. The simulator sets two of them, unless given,
 * before its first start: {@code sun.net.httpserver.nodelay=true} and
 * {@code sun.net.httpserver.maxIdleConnections=4096} (see {@code SimServer}). In a JVM that started another
 * JDK HTTP server before, pass them with {@code -D} for the simulator to behave as tested.
 *
 * <p>This file is long (about 530 lines, a third of them javadoc) on purpose: it is the simulator's whole
 * public surface, and its {@link Builder} stays nested so that {@code Simulator.Builder} callers keep
 * compiling. It only wires and reports: the servers are {@code CloudVcenter} and {@code Psc}, their settings
 * {@code CloudSettings} and {@code PscSettings}.
 */
public final class Simulator implements AutoCloseable {
    /** Both servers listen on this loopback address only. */
    public static final String HOST = "127.0.0.1";
    /**
     * With {@link Builder#pscReachableOnlyFromCloud()}, the PSC's name in create specs: a loopback address
     * where nothing listens, which only the simulated cloud vCenter routes to the PSC.
     */
    static final String CLOUD_ONLY_PSC_HOST = "127.0.0.2";

    /** What build() fixed; kept for the getters below, which never hand out the passwords themselves. */
    private final CloudSettings cloudSettings;
    private final PscSettings pscSettings;
    private final CloudVcenter cloud;
    private final Psc psc;
    /** A man in the middle on the cloud vCenter's way to the PSC; null unless asked for. */
    private final Psc interceptor;

    private Simulator(CloudSettings cloudSettings, PscSettings pscSettings) {
        this.cloudSettings = cloudSettings;
        this.pscSettings = pscSettings;
        this.psc = new Psc(pscSettings);
        this.interceptor = pscSettings.interceptorCertificate == null ? null : new Psc(pscSettings.interceptor());
        this.cloud = new CloudVcenter(cloudSettings, this::cloudRouteTo);
        this.cloud.diagnostics(new Diagnostics(this));
    }

    /**
     * Where the cloud vCenter's connection to a PSC address really goes: through the interceptor, or from the
     * cloud-only name to the PSC. Any other address is taken as it is.
     */
    private PscAddress cloudRouteTo(PscAddress asked) {
        boolean ourName = asked.host().equals(HOST)
                || (pscSettings.reachableOnlyFromCloud && asked.host().equals(CLOUD_ONLY_PSC_HOST));
        boolean ourPsc = ourName && asked.port() == psc.port();
        if (!ourPsc) {
            return asked;
        }
        return new PscAddress(HOST, interceptor != null ? interceptor.port() : psc.port());
    }

    public static Builder builder() {
        return new Builder();
    }

    private Simulator start() {
        try {
            psc.start();
            if (interceptor != null) {
                interceptor.start();
            }
            cloud.start();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    // --- where things are -------------------------------------------------------------------------

    /** {@code https://127.0.0.1:PORT} of the cloud vCenter. */
    public URI cloudUrl() {
        return URI.create("https://" + HOST + ":" + cloud.port());
    }

    public int cloudPort() {
        return cloud.port();
    }

    public GeneratedCertificate cloudCertificate() {
        return cloudSettings.certificate;
    }

    /**
     * The PSC's host name as a create spec names it: {@code 127.0.0.1}, or with
     * {@link Builder#pscReachableOnlyFromCloud()} {@code 127.0.0.2}, which only the cloud vCenter reaches.
     */
    public String pscHostname() {
        return pscSettings.reachableOnlyFromCloud ? CLOUD_ONLY_PSC_HOST : HOST;
    }

    public int pscPort() {
        return psc.port();
    }

    /** {@code https://127.0.0.1:PORT} of the PSC. */
    public URI pscUrl() {
        return URI.create("https://" + HOST + ":" + psc.port());
    }

    public GeneratedCertificate pscCertificate() {
        return pscSettings.certificate;
    }

    /** The PSC's SSO domain, e.g. {@code vsphere.local}. */
    public String domainName() {
        return pscSettings.domainName;
    }

    public ApiVersion apiVersion() {
        return cloudSettings.apiVersion;
    }

    /** The version the PSC reports on its version endpoint, e.g. {@code 8.0.1.00000} or {@code 6.5.0}. */
    public String pscVersion() {
        return psc.version();
    }

    public Role role() {
        return cloudSettings.role;
    }

    // --- accounts (passwords are copies: clear them when done) --------------------------------------

    public String cloudAdminUsername() {
        return cloudSettings.admin.username();
    }

    public char[] cloudAdminPassword() {
        return cloudSettings.admin.password();
    }

    public String readOnlyUsername() {
        return cloudSettings.readOnly.username();
    }

    public char[] readOnlyPassword() {
        return cloudSettings.readOnly.password();
    }

    public String pscAdminUsername() {
        return pscSettings.admin.username();
    }

    public char[] pscAdminPassword() {
        return pscSettings.admin.password();
    }

    // --- state, for tests and the demo ---------------------------------------------------------------

    /** The cloud vCenter's links now. */
    public List<Summary> links() {
        return cloud.links();
    }

    /**
     * The SSO domain a create is linking at this moment, if one is: it holds the one slot (decision D5), so
     * another create is refused ALREADY_EXISTS, but it is not listed until done (see {@link Builder#linkDelay}).
     */
    public Optional<String> domainBeingLinked() {
        return cloud.domainBeingLinked();
    }

    /**
     * Ends the {@link Builder#linkDelay link delay} of every create under way now, so those links are made at
     * once: for tests that act while a link is being made, then want it done without waiting out the delay.
     */
    public void finishLinking() {
        cloud.finishLinking();
    }

    /**
     * Every link the cloud vCenter created and removed since it started (or was {@link #reset}), oldest first,
     * including changes whose answer a fault kept from the client: what really happened, to compare with
     * what clients reported.
     */
    public List<LinkEvent> linkHistory() {
        return cloud.linkHistory();
    }

    /** The HLM administrator groups now. */
    public Set<String> administrators() {
        return cloud.administrators();
    }

    /** Cloud sessions logged in and neither logged out nor expired, both flavors together. */
    public int openSessions() {
        return cloud.openSessions();
    }

    /** PSC sessions logged in and neither logged out nor expired: the cloud vCenter's while linking, hlm's own. */
    public int pscOpenSessions() {
        return psc.openSessions();
    }

    /** Every request the cloud vCenter received, oldest first (the last {@value RequestLog#CAPACITY}). */
    public List<RecordedRequest> requests() {
        return cloud.requests();
    }

    /** Every request the PSC received, oldest first (the last {@value RequestLog#CAPACITY}). */
    public List<RecordedRequest> pscRequests() {
        return psc.requests();
    }

    /** Every request the {@link Builder#pscInterceptor interceptor} received; empty without one. */
    public List<RecordedRequest> pscInterceptorRequests() {
        return interceptor == null ? List.of() : interceptor.requests();
    }

    /** Requests and TLS handshakes the cloud vCenter served (also at {@code GET /sim/stats}). */
    public Traffic cloudTraffic() {
        return cloud.traffic();
    }

    /** Requests and TLS handshakes the PSC served: the cloud vCenter's own conversations while linking. */
    public Traffic pscTraffic() {
        return psc.traffic();
    }

    /**
     * Back to the state of a fresh simulator without restarting it (also {@code DELETE /sim/state}): no
     * links, no administrator groups, no sessions on either server, traffic counters and request logs empty,
     * the PSC serving (again, after {@link #stopPsc()}). Ports, certificates and accounts stay. Meant for the
     * moments no client is connected, such as between two benchmark runs.
     */
    public synchronized void reset() {
        cloud.reset();
        psc.reset();
        psc.start();
    }

    // --- faults --------------------------------------------------------------------------------------

    /**
     * Adds faults to the cloud vCenter's answers from now on (after those given to the builder); see
     * {@link Fault} and {@code docs/reliability.md}.
     */
    public void injectFaults(Fault... faults) {
        Arrays.stream(faults).map(Objects::requireNonNull).forEach(cloud.faults()::add);
    }

    /** Removes every fault: from now on the cloud vCenter answers normally. */
    public void clearFaults() {
        cloud.faults().clear();
    }

    /** The faults injected so far, oldest first (the last 10,000). */
    public List<Injection> injections() {
        return cloud.faults().injections();
    }

    /**
     * How often each fault now in force struck since it was added, in the order given (equal faults are
     * counted together). Unlike {@link #injections()} it keeps counting however long the run.
     */
    public Map<Fault, Long> faultsStruck() {
        return cloud.faults().struck();
    }

    /**
     * Makes the PSC unreachable: its port refuses connections until {@link #startPsc()} (also
     * {@code POST /sim/psc?state=down}). Links then report UNHEALTHY, and creates fail.
     */
    public synchronized void stopPsc() {
        psc.stop();
    }

    /** Serves the PSC again, on the same port (also {@code POST /sim/psc?state=up}). */
    public synchronized void startPsc() {
        psc.start();
    }

    @Override
    public synchronized void close() {
        try {
            cloud.close();
        } finally {
            psc.close();
            if (interceptor != null) {
                interceptor.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Simulator[" + cloudSettings.apiVersion + " " + cloudSettings.role + ", cloud " + HOST + ":"
                + cloud.port() + ", PSC " + HOST + ":" + psc.port() + "]";
    }

    /**
     * Settings for a {@link Simulator}; every one has a default. Each method writes one field of the cloud
     * vCenter's or the PSC's settings (see {@code ServerSettings}), after checking it.
     */
    public static final class Builder {
        private final CloudSettings cloud = new CloudSettings();
        private final PscSettings psc = new PscSettings();

        private Builder() {}

        public Builder apiVersion(ApiVersion version) {
            cloud.apiVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        public Builder role(Role role) {
            cloud.role = Objects.requireNonNull(role, "role");
            return this;
        }

        /** The cloud administrator: HLM.Manage and System.Read. A null password keeps the random one. */
        public Builder cloudAdmin(String username, char[] password) {
            cloud.admin = renamed(cloud.admin, username, password);
            return this;
        }

        /** A user with System.Read only. */
        public Builder readOnlyUser(String username, char[] password) {
            cloud.readOnly = renamed(cloud.readOnly, username, password);
            return this;
        }

        /**
         * One more cloud vCenter user, holding exactly these privileges: {@code Set.of()} plays a user who can
         * log in but has no role on the vCenter, so even reads are UNAUTHORIZED.
         */
        public Builder cloudUser(String username, char[] password, Set<Privilege> privileges) {
            cloud.moreUsers.add(new Account(name(username), password(password), privileges));
            return this;
        }

        /** The on-prem SSO administrator the PSC accepts. */
        public Builder pscAdmin(String username, char[] password) {
            psc.admin = renamed(psc.admin, username, password);
            return this;
        }

        /** The PSC's SSO domain. */
        public Builder domainName(String domainName) {
            psc.domainName = name(domainName);
            return this;
        }

        /** 0 (the default) lets the OS choose. */
        public Builder cloudPort(int port) {
            cloud.port = port(port);
            return this;
        }

        /** 0 (the default) lets the OS choose. */
        public Builder pscPort(int port) {
            psc.port = port(port);
            return this;
        }

        /** How long a create waits before it answers; real links take minutes. */
        public Builder linkDelay(Duration delay) {
            cloud.linkDelay = nonNegative(delay, "link delay");
            return this;
        }

        /**
         * The cloud vCenter answers every request this much later, to play the distance to a real one (a
         * cloud vCenter is typically tens of milliseconds away). TLS handshakes are not delayed. The PSC is
         * not delayed by this ({@link #pscLatency} is its own): clients rarely talk to it, so its delay would
         * only add the same time to every client's create.
         */
        public Builder latency(Duration latency) {
            cloud.latency = nonNegative(latency, "latency");
            return this;
        }

        /**
         * The PSC answers every request, and each connection's TLS handshake, this much later: a PSC far from
         * the cloud vCenter (and from hlm's {@code link check}, whose round trip then shows it), or slow to
         * answer. Apart from {@link #latency}, which the cloud vCenter adds.
         */
        public Builder pscLatency(Duration latency) {
            psc.latency = nonNegative(latency, "PSC latency");
            return this;
        }

        /** Sessions unused for longer expire (decision D12), on both servers. */
        public Builder sessionIdleTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the session idle timeout must be positive");
            }
            cloud.sessionIdleTimeout = timeout;
            psc.sessionIdleTimeout = timeout;
            return this;
        }

        /** The cloud vCenter's clock (its Date header, session times) runs off by this (decision D14). */
        public Builder clockOffset(Duration offset) {
            cloud.clockOffset = Objects.requireNonNull(offset, "offset");
            return this;
        }

        /** The PSC's clock runs off by this. */
        public Builder pscClockOffset(Duration offset) {
            psc.clockOffset = Objects.requireNonNull(offset, "offset");
            return this;
        }

        /** A certificate of your own for the cloud vCenter; by default one is generated. */
        public Builder cloudCertificate(GeneratedCertificate certificate) {
            cloud.certificate = Objects.requireNonNull(certificate, "certificate");
            return this;
        }

        /** A certificate of your own for the PSC; by default one is generated. */
        public Builder pscCertificate(GeneratedCertificate certificate) {
            psc.certificate = Objects.requireNonNull(certificate, "certificate");
            return this;
        }

        /** Faults to inject into the cloud vCenter's answers (see {@link Fault}); may be called again to add more. */
        public Builder fault(Fault... faults) {
            Arrays.stream(faults).map(Objects::requireNonNull).forEach(cloud.faults::add);
            return this;
        }

        /** Seeds the faults' random draws ({@code p=}), so a run with the same calls meets the same faults. */
        public Builder seed(long seed) {
            cloud.seed = seed;
            return this;
        }

        /**
         * The release the PSC plays: an API version label ("6.7", "8.0.1") or any dotted number, such as
         * "6.5.0" for a PSC too old for HLM, which the cloud vCenter then refuses with UNSUPPORTED. By
         * default the PSC runs the cloud vCenter's release.
         */
        public Builder pscVersion(String version) {
            if (version == null || !version.trim().matches("\\d+(\\.\\d+)*")) {
                throw new IllegalArgumentException("PSC version '" + version + "' is not a dotted number such as 6.5.0");
            }
            psc.release = version.trim();
            return this;
        }

        /**
         * Puts a man in the middle on the cloud vCenter's way to the PSC: a second PSC (same accounts and
         * domain) presenting this certificate. A client that fetches the PSC's certificate itself sees the real
         * one, the cloud vCenter this one: for tests of that cross-check.
         */
        public Builder pscInterceptor(GeneratedCertificate certificate) {
            psc.interceptorCertificate = Objects.requireNonNull(certificate, "certificate");
            return this;
        }

        /**
         * Names the PSC by an address only the cloud vCenter reaches (see {@link #pscHostname()}), as when the
         * PSC sits behind a VPN that only the SDDC uses: a client cannot fetch its certificate itself.
         */
        public Builder pscReachableOnlyFromCloud() {
            psc.reachableOnlyFromCloud = true;
            return this;
        }

        /**
         * Starts both servers, on a snapshot of these settings: calls to this builder afterwards change nothing.
         *
         * @throws java.io.UncheckedIOException when a port cannot be bound
         */
        public Simulator build() {
            CloudSettings cloudNow = cloud.snapshot();
            return new Simulator(cloudNow, psc.snapshot(cloudNow.apiVersion)).start();
        }

        /** The account under another name, with another password unless that is null. */
        private static Account renamed(Account account, String username, char[] password) {
            String name = name(username);
            return new Account(name, password == null ? account.password() : password(password), account.privileges());
        }

        private static String name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a user or domain name must not be blank");
            }
            return name.trim();
        }

        /** Checked only: {@link Account} keeps a copy of its own. */
        private static char[] password(char[] password) {
            if (password == null || password.length == 0) {
                throw new IllegalArgumentException("a password must not be empty");
            }
            return password;
        }

        private static int port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not 0..65535");
            }
            return port;
        }

        private static Duration nonNegative(Duration d, String what) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("the " + what + " must not be negative");
            }
            return d;
        }
    }
}
