package dev.hlm.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Keeps the certificate a server presented, whatever the policy decides, so a refusal can show the
 * server's thumbprint and the flag that would trust it, and trust on first use can store it.
 */
public final class RecordingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private volatile X509Certificate[] lastChain;
    private volatile CertificateException lastFailure;

    public RecordingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    /** The leaf certificate of the last handshake, trusted or not. */
    public Optional<X509Certificate> lastServerCertificate() {
        X509Certificate[] chain = lastChain;
        return chain == null || chain.length == 0 ? Optional.empty() : Optional.of(chain[0]);
    }

    /** The whole chain of the last handshake as the server presented it, leaf first, trusted or not; empty before one. */
    public List<X509Certificate> lastServerChain() {
        X509Certificate[] chain = lastChain;
        return chain == null ? List.of() : List.of(chain);
    }

    /** Why the policy refused the last certificate, if it did. */
    public Optional<CertificateException> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private void record(X509Certificate[] chain) {
        lastChain = chain == null ? null : chain.clone();
        lastFailure = null;
    }

    private CertificateException failed(CertificateException e) {
        lastFailure = e;
        return e;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        record(chain);
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw failed(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        record(chain);
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw failed(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        record(chain);
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw failed(e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
