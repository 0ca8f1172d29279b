package dev.hlm.client;

import dev.hlm.tls.KnownHosts;
import dev.hlm.tls.Thumbprint;
import dev.hlm.tls.TrustPolicy;
import java.io.IOException;
import java.net.URI;

/**
 * Trust on first use, as ssh does it (docs/security.md T2): a login that failed because the known hosts file
 * does not know the server is put to the {@link TrustOnFirstUse} decider; a yes is remembered in the file, and
 * the session logs in again, now pinned to that certificate. Nothing was sent before the question.
 */
final class FirstUseTrust {
    private final TrustOnFirstUse decider;
    private final TrustPolicy policy;
    private final URI server;

    /** @param decider null when nobody decides: an unknown server then fails with TLS_UNTRUSTED */
    FirstUseTrust(TrustOnFirstUse decider, TrustPolicy policy, URI server) {
        this.decider = decider;
        this.policy = policy;
        this.server = server;
    }

    /**
     * True when {@code failure} was an unknown server that the decider now trusts and the file remembers; false
     * when it was something else (the caller rethrows it).
     *
     * @throws TransportException TLS_UNTRUSTED with {@link TrustOnFirstUse.Declined} when the decider says no, or
     *     when the file cannot take the certificate
     */
    boolean trusted(TransportException failure) {
        if (decider == null || !(policy instanceof TrustPolicy.KnownHostsPolicy)
                || !(failure.trustFailure().orElse(null) instanceof KnownHosts.UnknownServer unknown)) {
            return false;
        }
        KnownHosts knownHosts = unknown.knownHosts();
        if (!decider.trust(unknown.server(), unknown.certificate(), knownHosts.file())) {
            throw new TransportException(TransportException.Kind.TLS_UNTRUSTED, "the certificate of "
                    + unknown.server() + " was declined: nothing was sent and nothing remembered", failure,
                    unknown.certificate(), new TrustOnFirstUse.Declined(unknown.server()));
        }
        try {
            knownHosts.add(server.getHost(), ServerAddress.port(server), Thumbprint.sha256(unknown.certificate()));
        } catch (IOException | RuntimeException e) {
            throw new TransportException(TransportException.Kind.TLS_UNTRUSTED, "cannot remember the certificate of "
                    + unknown.server() + " in " + knownHosts.file() + ": " + e.getMessage(), e,
                    unknown.certificate(), unknown);
        }
        return true;
    }
}
