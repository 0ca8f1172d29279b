package dev.hlm.client;

import dev.hlm.api.Flavor;
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
        if (!info.offers(operation)) {
            throw ApiException.notOffered(operation.needs() + "; " + hostPort + " runs " + info.describe()
                    + " over " + info.flavor().label() + ".");
        }
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
