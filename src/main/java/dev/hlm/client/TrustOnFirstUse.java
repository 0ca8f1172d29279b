package dev.hlm.client;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Decides whether to trust a server met for the first time, when the client's policy is
 * {@link dev.hlm.tls.TrustPolicy#knownHosts known hosts} and neither the system nor the file trusts it. Asked
 * after the failed handshake, so nothing (no credential) has been sent; a yes stores the certificate's
 * SHA-256 in the file and the client connects again, now pinned to it. The command line asks a person at a
 * terminal; without one it sets no decider and the connection fails with TLS_UNTRUSTED.
 */
@FunctionalInterface
public interface TrustOnFirstUse {
    /**
     * @param server {@code HOST:PORT} as the known hosts file names it
     * @param certificate what the server presented
     * @param knownHostsFile where a yes will be remembered
     */
    boolean trust(String server, X509Certificate certificate, Path knownHostsFile);

    /** Why a login failed after {@link #trust} said no: the certificate was declined, nothing was sent. */
    final class Declined extends CertificateException {
        private static final long serialVersionUID = 1L;
        private final String server;

        public Declined(String server) {
            super("the certificate of " + server + " was declined");
            this.server = server;
        }

        /** {@code HOST:PORT}, as the known hosts file names it. */
        public String server() {
            return server;
        }
    }
}
