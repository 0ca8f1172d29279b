package dev.hlm.sim;

import dev.hlm.api.Flavor;
import dev.hlm.api.VersionInfo;
import java.time.Clock;
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
    private final VersionRoutes versionRoutes;

    Psc(PscSettings settings) {
        Clock clock = settings.clock();
        String domainName = settings.domainName;
        UserForm form = settings.userForm;
        this.sessions = new SessionStore(settings.sessionIdleTimeout, clock,
                account -> form.name(account.localPart(), domainName));
        SessionRoutes sessionRoutes = new SessionRoutes(List.of(settings.admin), sessions);
        this.versionRoutes = versionRoutes(settings.release, clock);
        Router router = new Router(sessionRoutes);
        for (Flavor flavor : flavors(settings.release)) {
            sessionRoutes.register(router, flavor);
            versionRoutes.register(router, flavor);
        }
        // A PSC far away is far for every connection too: link check measures its round trip at the handshake.
        this.server = new SimServer("PSC", settings, settings.latency, router, null);
    }

    /** {@code /api} exists from vSphere 7.0U2 on: an older PSC (6.5, 6.7, 7.0.1) speaks only the legacy {@code /rest}. */
    static List<Flavor> flavors(String release) {
        return VersionInfo.compare(release, ApiVersion.V7_0_2.label()) >= 0 ? List.of(Flavor.values())
                : List.of(Flavor.REST);
    }

    /** An {@link ApiVersion} label plays that release; any other dotted number is reported as it is. */
    private static VersionRoutes versionRoutes(String release, Clock clock) {
        String product = Role.CLOUD_VCENTER.product();
        try {
            return new VersionRoutes(ApiVersion.parse(release), product, clock.instant());
        } catch (IllegalArgumentException e) {
            return new VersionRoutes(release, product, clock.instant());
        }
    }

    /** The version the PSC reports, e.g. {@code 8.0.1.00000}. */
    String version() {
        return versionRoutes.info().version();
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

    int openSessions() {
        return sessions.openCount();
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
