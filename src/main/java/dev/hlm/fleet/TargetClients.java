package dev.hlm.fleet;

import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmClientBuilder;
import dev.hlm.tls.KnownHosts;
import dev.hlm.tls.Thumbprint;
import dev.hlm.tls.TrustPolicy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Builds the client of one target: its server, user, password and trust as the fleet file says, and whatever the
 * caller adds to every client (timeouts, retries, a listener) through {@code configure}.
 */
public final class TargetClients {
    private final Path defaultKnownHosts;
    private final UnaryOperator<HlmClientBuilder> configure;

    /**
     * @param defaultKnownHosts the known hosts file of targets that name no trust
     * @param configure applied to every builder before it is built
     */
    public TargetClients(Path defaultKnownHosts, UnaryOperator<HlmClientBuilder> configure) {
        this.defaultKnownHosts = defaultKnownHosts;
        this.configure = configure;
    }

    /** A client for {@code target}, logged in on first use; the password is copied, the caller's may be cleared. */
    public HlmClient connect(FleetTarget target, char[] password) {
        HlmClientBuilder builder = HlmClient.builder();
        try {
            builder.server(target.server());
        } catch (IllegalArgumentException e) {
            throw new TargetProblem(e.getMessage()); // FleetFiles has checked it: kept for a Fleet made in code
        }
        char[] copy = Arrays.copyOf(password, password.length);
        try {
            return configure.apply(builder.username(target.username()).password(copy).trust(trust(target))).build();
        } finally {
            Arrays.fill(copy, '\0');
        }
    }

    private TrustPolicy trust(FleetTarget target) {
        TargetTrust trust = target.trust();
        if (trust.insecure()) {
            return TrustPolicy.insecure();
        }
        if (trust.thumbprint().isPresent()) {
            try {
                return TrustPolicy.pinned(Thumbprint.parse(trust.thumbprint().get()));
            } catch (IllegalArgumentException e) {
                throw new TargetProblem("thumbprint: " + e.getMessage());
            }
        }
        if (trust.caCert().isPresent()) {
            return TrustPolicy.certificates(LocalFiles.certificates("ca-cert", trust.caCert().get()));
        }
        return TrustPolicy.knownHosts(KnownHosts.at(trust.knownHosts().orElse(defaultKnownHosts)));
    }
}
