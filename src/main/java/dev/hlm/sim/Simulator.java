package dev.hlm.sim;

import dev.hlm.api.Summary;
import dev.hlm.sim.explorer.Explorer;
import dev.hlm.sim.fault.Fault;
import dev.hlm.sim.fault.Injection;
import dev.hlm.tls.GeneratedCertificate;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A two-party HLM simulator: a cloud vCenter and an on-prem PSC, each an HTTPS server on 127.0.0.1 with its
 * own generated certificate, speaking the contract of {@code docs/decisions.md}. {@link SimulatorBuilder#build()} starts
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
 * <p>It only wires and reports: the servers are {@code CloudVcenter} and {@code Psc}, their settings
 * {@code CloudSettings} and {@code PscSettings}, written by {@link SimulatorBuilder}. About 300 lines, most of
 * them the documentation of its getters and controls: this class is the simulator's whole public surface.
 */
public final class Simulator implements AutoCloseable {
    /** Both servers listen on this loopback address only. */
    public static final String HOST = "127.0.0.1";
    /**
     * With {@link SimulatorBuilder#pscReachableOnlyFromCloud()}, the PSC's name in create specs: a loopback address
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

    Simulator(CloudSettings cloudSettings, PscSettings pscSettings) {
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

    public static SimulatorBuilder builder() {
        return new SimulatorBuilder();
    }

    Simulator start() {
        try {
            psc.start();
            if (interceptor != null) {
                interceptor.start();
            }
            // The explorer's examples name the PSC's port, known once it listens.
            cloud.explorer(new ExplorerCatalog.Sample(pscHostname(), psc.port(), domainName(), pscAdminUsername()));
            cloud.start();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Runs the conversation a link create has with its PSC (TLS, version, login, who-am-I, logout:
     * {@link LinkCreator#checkPsc}, without making the link) {@code conversations} times against a simulator of
     * its own, then closes that one; nothing any other simulator serves is touched. For a fleet (hlm sim
     * --clouds): its clouds' first creates come many at once, and all ran the JVM's cold TLS and HTTP code at
     * once on a loaded machine, some for more than the probe's 10 s (a simulated vCenter then says it cannot
     * connect to its PSC). A real vCenter has long been warm when a client arrives. Returns how many
     * conversations succeeded.
     */
    public static int warmUp(int conversations) {
        int succeeded = 0;
        try (Simulator sim = builder().build()) {
            for (int i = 0; i < conversations; i++) {
                LinkRequest spec = new LinkRequest(new PscAddress(HOST, sim.pscPort()), sim.domainName(),
                        sim.pscAdminUsername(), sim.pscAdminPassword(), sim.pscCertificate().sha256().toString(),
                        null, List.of());
                try {
                    sim.cloud.checkPsc(spec);
                    succeeded++;
                } catch (ApiFailure e) {
                    // Only warmth is lost; the fleet serves as it would have.
                } finally {
                    Arrays.fill(spec.password(), '\0');
                }
            }
        }
        return succeeded;
    }

    // --- where things are -------------------------------------------------------------------------

    /** {@code https://127.0.0.1:PORT} of the cloud vCenter. */
    public URI cloudUrl() {
        return URI.create("https://" + HOST + ":" + cloud.port());
    }

    /** {@code https://127.0.0.1:PORT/apiexplorer/}: the cloud vCenter's API explorer, served without a session. */
    public URI explorerUrl() {
        return cloudUrl().resolve(Explorer.ROOT + "/");
    }

    public int cloudPort() {
        return cloud.port();
    }

    public GeneratedCertificate cloudCertificate() {
        return cloudSettings.certificate;
    }

    /**
     * The PSC's host name as a create spec names it: {@code 127.0.0.1}, or with
     * {@link SimulatorBuilder#pscReachableOnlyFromCloud()} {@code 127.0.0.2}, which only the cloud vCenter reaches.
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
     * another create is refused ALREADY_EXISTS, but it is not listed until done (see {@link SimulatorBuilder#linkDelay}).
     */
    public Optional<String> domainBeingLinked() {
        return cloud.domainBeingLinked();
    }

    /**
     * Ends the {@link SimulatorBuilder#linkDelay link delay} of every create under way now, so those links are made at
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

    /** The API routes the cloud vCenter serves (not {@code /sim/} nor the explorer): what its explorer must document. */
    List<Router.Served> routes() {
        return cloud.routes();
    }

    /** Every request the cloud vCenter received, oldest first (the last {@value RequestLog#CAPACITY}). */
    public List<RecordedRequest> requests() {
        return cloud.requests();
    }

    /** Every request the PSC received, oldest first (the last {@value RequestLog#CAPACITY}). */
    public List<RecordedRequest> pscRequests() {
        return psc.requests();
    }

    /** Every request the {@link SimulatorBuilder#pscInterceptor interceptor} received; empty without one. */
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
}
