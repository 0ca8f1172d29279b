package dev.hlm.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The system's decision first (chain and host name); when the system does not trust the server, its entry in
 * the known hosts file pins it. No entry: {@link KnownHosts.UnknownServer}; an entry with another thumbprint:
 * {@link KnownHosts.CertificateChanged}. Either way the handshake fails, so nothing is sent to the server
 * before a person decides.
 */
final class KnownHostsTrustManager extends ServerOnlyTrustManager {
    private final X509ExtendedTrustManager system;
    private final KnownHosts knownHosts;

    KnownHostsTrustManager(X509ExtendedTrustManager system, KnownHosts knownHosts) {
        this.system = system;
        this.knownHosts = knownHosts;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            system.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException notTrustedBySystem) {
            checkKnown(chain, engine == null ? null : engine.getPeerHost(), engine == null ? -1 : engine.getPeerPort());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        try {
            system.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException notTrustedBySystem) {
            SSLSession session = socket instanceof SSLSocket s ? s.getHandshakeSession() : null;
            checkKnown(chain, session == null ? null : session.getPeerHost(), session == null ? -1 : session.getPeerPort());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        // Without a connection there is no server to look up.
        system.checkServerTrusted(chain, authType);
    }

    private void checkKnown(X509Certificate[] chain, String host, int port) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        if (host == null || port <= 0) {
            throw new CertificateException("the server's address is unknown, so it cannot be looked up in "
                    + knownHosts.file());
        }
        List<KnownHosts.Entry> known;
        try {
            known = knownHosts.find(host, port);
        } catch (IOException | IllegalArgumentException e) {
            throw new CertificateException("cannot read the known hosts file: " + e.getMessage());
        }
        String server = KnownHosts.key(host, port);
        if (known.isEmpty()) {
            throw new KnownHosts.UnknownServer(server, chain[0], knownHosts);
        }
        Thumbprint presented = Thumbprint.sha256(chain[0]);
        if (known.stream().noneMatch(e -> e.sha256().equals(presented))) {
            throw new KnownHosts.CertificateChanged(server, known, presented, knownHosts.file());
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system.getAcceptedIssuers();
    }
}
