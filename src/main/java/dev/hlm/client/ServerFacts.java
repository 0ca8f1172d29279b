package dev.hlm.client;

import dev.hlm.api.Flavor;
import dev.hlm.api.RestRouteNotFound;
import dev.hlm.api.VersionInfo;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the server is and offers, learned once, on first need, and the one place that refuses an operation the
 * server's version does not have ({@link #require}) before anything is sent. A plain create never asks.
 */
final class ServerFacts {
    private final Function<Flavor, VersionInfo> readVersionIn;
    private final Supplier<Flavor> sessionFlavor;
    private final String hostPort;
    private ServerInfo known;

    /**
     * @param readVersionIn reads the version endpoint in a flavor, with the session, failing NotFound or
     *     Unauthorized where that flavor's endpoint is missing or closed to the user
     * @param sessionFlavor the flavor of the session, once logged in
     */
    ServerFacts(Function<Flavor, VersionInfo> readVersionIn, Supplier<Flavor> sessionFlavor, String hostPort) {
        this.readVersionIn = readVersionIn;
        this.sessionFlavor = sessionFlavor;
        this.hostPort = hostPort;
    }

    /** The version endpoint, read once and kept: see {@link HlmClient#about()}. */
    synchronized ServerInfo about() {
        if (known == null) {
            VersionInfo version = readVersion();
            known = Negotiation.serverInfo(version, sessionFlavor.get());
        }
        return known;
    }

    /** Refuses, before sending, an operation the server's version does not have, saying what it needs. */
    void require(HlmOperation operation) {
        ServerInfo info = about();
        if (!info.hasHlmApi()) {
            throw noHlmApi(info);
        }
        if (!info.offers(operation)) {
            throw ApiException.notOffered(operation.needs() + "; " + hostPort + " runs " + info.describe()
                    + " over " + info.flavor().label() + ".");
        }
    }

    /**
     * What to report for an HLM operation the server answered with its routing 404 (decision D13): that this
     * vCenter has no HLM API at all, when its version says so (vSphere 9.1 and later, decision D22); else the
     * answer as it came. Asks the version only then, so a plain create on a server with the API never does.
     */
    ApiException explainMissingRoute(ApiException.NotFound missing) {
        boolean routing = missing.error().messages().stream()
                .anyMatch(m -> RestRouteNotFound.NAME.equals(m.id()));
        if (!routing) {
            return missing;
        }
        ServerInfo info = about();
        return info.hasHlmApi() ? missing : noHlmApi(info);
    }

    private ApiException noHlmApi(ServerInfo info) {
        return ApiException.notOffered("this vCenter has no Hybrid Linked Mode API (vSphere 9.1 and later have no "
                + "hvc package); " + hostPort + " runs " + info.describe() + " over " + info.flavor().label() + ".");
    }

    /**
     * The version endpoint in the session's flavor; where that is missing, the other flavor's; null when
     * neither answers (missing, or closed to this user): then the client assumes what is safe on every
     * release the flavor allows (see {@link ServerInfo}).
     */
    private VersionInfo readVersion() {
        // The first read logs in, which settles the flavor.
        try {
            return readVersionIn.apply(null);
        } catch (ApiException.NotFound | ApiException.Unauthorized missing) {
            try {
                return readVersionIn.apply(sessionFlavor.get() == Flavor.API ? Flavor.REST : Flavor.API);
            } catch (ApiException.NotFound | ApiException.Unauthorized alsoMissing) {
                return null;
            }
        }
    }
}
