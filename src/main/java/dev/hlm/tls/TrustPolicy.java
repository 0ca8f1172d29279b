package dev.hlm.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How one client decides whether a server's certificate is the server it meant to reach. Each policy gives
 * a trust manager for that client alone; nothing here changes JVM-wide defaults.
 *
 * <p>System and CA-file policies verify the chain and the host name (the JDK's PKIX trust manager does both
 * when the HTTP client asks for HTTPS endpoint identification). A pinned thumbprint identifies the server
 * by its exact certificate, so the host name is not checked. Insecure accepts anything.
 */
public sealed interface TrustPolicy {

    /** The JDK's trust store ({@code cacerts}), as a browser would. */
    static TrustPolicy system() {
        return new System();
    }

    /** Only certificates issued by (or equal to) one of these, e.g. a vCenter's VMCA root from a PEM file. */
    static TrustPolicy certificates(List<X509Certificate> anchors) {
        return new Anchors(List.copyOf(anchors));
    }

    /** Exactly the server certificate with this thumbprint (SHA-256 or SHA-1). */
    static TrustPolicy pinned(Thumbprint thumbprint) {
        return new Pinned(thumbprint);
    }

    /**
     * What the system trusts, else the servers a person trusted on first use, pinned by the SHA-256 kept for
     * them in {@code knownHosts} (the model of ssh's known_hosts). A server in neither fails the handshake
     * with {@link KnownHosts.UnknownServer}, one whose certificate changed with
     * {@link KnownHosts.CertificateChanged}; the caller decides what to do, before anything is sent.
     */
    static TrustPolicy knownHosts(KnownHosts knownHosts) {
        return new KnownHostsPolicy(knownHosts);
    }

    /** Any certificate. Only on the user's explicit request; callers warn. */
    static TrustPolicy insecure() {
        return new Insecure();
    }

    /** The trust manager for one client: the policy's decision, wrapped so the presented certificate is kept. */
    X509ExtendedTrustManager trustManager() throws GeneralSecurityException;

    /** A few words for messages: "the system trust store", "pinned thumbprint AB:..". */
    String describe();

    record System() implements TrustPolicy {
        @Override
        public X509ExtendedTrustManager trustManager() throws GeneralSecurityException {
            return pkix(null);
        }

        @Override
        public String describe() {
            return "the system trust store";
        }
    }

    record Anchors(List<X509Certificate> anchors) implements TrustPolicy {
        @Override
        public X509ExtendedTrustManager trustManager() throws GeneralSecurityException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException("cannot create an in-memory trust store", e);
            }
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            return pkix(store);
        }

        @Override
        public String describe() {
            return "the given CA certificate" + (anchors.size() == 1 ? "" : "s");
        }
    }

    record Pinned(Thumbprint thumbprint) implements TrustPolicy {
        @Override
        public X509ExtendedTrustManager trustManager() {
            return new DecidingTrustManager() {
                @Override
                void check(X509Certificate[] chain) throws CertificateException {
                    if (chain == null || chain.length == 0 || !thumbprint.matches(chain[0])) {
                        throw new CertificateException("server certificate does not match the pinned thumbprint "
                                + thumbprint);
                    }
                }
            };
        }

        @Override
        public String describe() {
            return "pinned thumbprint " + thumbprint;
        }
    }

    record KnownHostsPolicy(KnownHosts knownHosts) implements TrustPolicy {
        @Override
        public X509ExtendedTrustManager trustManager() throws GeneralSecurityException {
            return new KnownHostsTrustManager(pkix(null), knownHosts);
        }

        @Override
        public String describe() {
            return "the system trust store, then the known hosts in " + knownHosts.file();
        }
    }

    record Insecure() implements TrustPolicy {
        @Override
        public X509ExtendedTrustManager trustManager() {
            return new DecidingTrustManager() {
                @Override
                void check(X509Certificate[] chain) {
                    // Trusts anything: the user asked for it with --insecure.
                }
            };
        }

        @Override
        public String describe() {
            return "no verification (insecure)";
        }
    }

    private static X509ExtendedTrustManager pkix(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509ExtendedTrustManager in the JDK");
    }

    /** A trust manager whose decision about a server's chain ignores the host name (the pin identifies it). */
    abstract class DecidingTrustManager extends ServerOnlyTrustManager {
        abstract void check(X509Certificate[] chain) throws CertificateException;

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }
    }
}
