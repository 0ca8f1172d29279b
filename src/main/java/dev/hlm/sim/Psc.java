package dev.hlm.sim;

import dev.hlm.api.Flavor;
import dev.hlm.tls.GeneratedCertificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The on-prem side: a vCenter with an embedded PSC, as the cloud vCenter sees it while linking. It serves
 * logins in both flavors, who-am-I (the user qualified with its SSO domain, which is how the cloud side
 * learns the domain) and its version. It always serves both flavors, whatever version the cloud side
 * plays: the cloud side logs in over {@code /api}.
 */
final class Psc implements AutoCloseable {
    private final SessionStore sessions;
    private final SimServer server;

    Psc(String domainName, Account administrator, ApiVersion version, Duration idleTimeout, Clock clock,
            GeneratedCertificate certificate, int port) {
        this.sessions = new SessionStore(idleTimeout, clock, account -> account.qualifiedIn(domainName));
        SessionRoutes sessionRoutes = new SessionRoutes(List.of(administrator), sessions);
        VersionRoutes versionRoutes = new VersionRoutes(version, Role.CLOUD_VCENTER.product(), clock.instant());
        Router router = new Router(sessionRoutes);
        for (Flavor flavor : Flavor.values()) {
            sessionRoutes.register(router, flavor);
            versionRoutes.register(router, flavor);
        }
        // No added latency: clients never talk to the PSC, so delaying it would only add the same time to
        // every client's create and blur what the latency is there to show (see Simulator.Builder#latency).
        this.server = new SimServer("PSC", certificate, clock, port, Duration.ZERO, router);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop();
    }

    int port() {
        return server.port();
    }

    List<RecordedRequest> requests() {
        return server.requests();
    }

    Traffic traffic() {
        return server.traffic();
    }

    /** Back to a fresh start: no sessions, nothing counted. */
    void reset() {
        sessions.clear();
        server.resetTraffic();
    }

    @Override
    public void close() {
        server.close();
    }
}
