package dev.hlm.sim;

import dev.hlm.api.Flavor;
import dev.hlm.api.Summary;
import dev.hlm.api.VersionInfo;
import dev.hlm.sim.explorer.Explorer;
import dev.hlm.tls.Thumbprint;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The cloud side: a VMC vCenter (or a vCenter Cloud Gateway) serving sessions, links, administrators and
 * its version, in the flavors its {@link ApiVersion} has. Its connections to a PSC go where {@code pscRoute}
 * sends them: the cloud vCenter's own view of the network.
 */
final class CloudVcenter implements AutoCloseable {
    private final LinkStore links;
    private final SyncProviders sync;
    private final AdministratorGroups administrators = new AdministratorGroups();
    private final LinkCreator creator;
    private final SessionStore sessions;
    private final FaultPlan faults;
    private final SimServer server;
    private final Router router;
    private final ApiVersion version;
    private final VersionInfo versionInfo;

    CloudVcenter(CloudSettings settings, UnaryOperator<PscAddress> pscRoute) {
        Clock clock = settings.clock();
        ApiVersion version = settings.apiVersion;
        this.links = new LinkStore(clock);
        this.sync = new SyncProviders(clock, settings.syncDuration);
        this.faults = new FaultPlan(settings.seed, settings.faults);
        this.sessions = new SessionStore(settings.sessionIdleTimeout, clock, Account::username);
        SessionRoutes sessionRoutes = new SessionRoutes(settings.accounts(), sessions);
        VersionRoutes versionRoutes = new VersionRoutes(version, settings.role.product(), clock.instant());
        this.creator = new LinkCreator(version, settings.role, links, administrators, settings.linkDelay, pscRoute);
        LinkRoutes linkRoutes = new LinkRoutes(version, links, creator, pscRoute);
        AdministratorRoutes administratorRoutes = new AdministratorRoutes(administrators);
        SyncRoutes syncRoutes = version.hasSync() ? new SyncRoutes(links, sync) : null;

        this.version = version;
        this.versionInfo = versionRoutes.info();
        Router router = new Router(sessionRoutes);
        this.router = router;
        for (Flavor flavor : version.flavors()) {
            sessionRoutes.register(router, flavor);
            versionRoutes.register(router, flavor);
            if (!version.hasHlm()) {
                continue; // 9.1 and later: a vCenter without the hvc package
            }
            linkRoutes.register(router, flavor);
            administratorRoutes.register(router, flavor);
            if (syncRoutes != null) {
                syncRoutes.register(router, flavor);
            }
        }
        // Its latency leaves handshakes alone: clients keep their connection, so it would only add one delay
        // per client (and shift the benchmarks' numbers) without showing anything new.
        this.server = new SimServer("cloud vCenter", settings, Duration.ZERO, router,
                new FaultInjector(faults, sessions::expire));
        if (version.flavors().contains(Flavor.API)) {
            server.jsonRpc(new JsonRpcEndpoint(router));
        }
    }

    /** The conversation a link create has with the PSC the spec names, without making the link. */
    Thumbprint checkPsc(LinkRequest spec) {
        return creator.checkPsc(spec);
    }

    /**
     * Serves the apiexplorer at {@value Explorer#ROOT} from the next {@link #start}, its examples naming
     * {@code sample}'s PSC (decision D19).
     */
    void explorer(ExplorerCatalog.Sample sample) {
        server.page(Explorer.ROOT, new Explorer(new ExplorerCatalog(version, versionInfo, sample).documents()));
    }

    /** The routes it serves, for the apiexplorer's coverage test. */
    List<Router.Served> routes() {
        return router.served();
    }

    void start() {
        server.start();
    }

    int port() {
        return server.port();
    }

    List<Summary> links() {
        return links.summaries();
    }

    Optional<String> domainBeingLinked() {
        return links.domainBeingLinked();
    }

    void finishLinking() {
        creator.finishLinking();
    }

    List<LinkEvent> linkHistory() {
        return links.history();
    }

    Set<String> administrators() {
        return administrators.snapshot();
    }

    int openSessions() {
        return sessions.openCount();
    }

    FaultPlan faults() {
        return faults;
    }

    List<RecordedRequest> requests() {
        return server.requests();
    }

    Traffic traffic() {
        return server.traffic();
    }

    /** Serves the simulator's diagnostics beside the API (see {@link Diagnostics}). */
    void diagnostics(Diagnostics diagnostics) {
        server.diagnostics(diagnostics);
    }

    /** Back to a fresh start: no links, no administrator groups, no sessions, nothing counted. */
    void reset() {
        links.clear();
        sync.clear();
        administrators.replaceAll(List.of());
        sessions.clear();
        server.resetTraffic();
    }

    @Override
    public void close() {
        server.close();
    }
}
