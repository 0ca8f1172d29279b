package dev.hlm.client;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Could not talk to the server, or could not understand it: nothing the server decided. The kind tells the
 * caller what to check; an untrusted certificate carries the certificate the server presented.
 */
public final class TransportException extends HlmException {
    public enum Kind {
        /** Name did not resolve, connection refused or reset. */
        CONNECT,
        /** The server's certificate failed the trust policy; no credential was sent. */
        TLS_UNTRUSTED,
        /**
         * The server presented another certificate than the one trusted for it earlier (known hosts): it may
         * be an impersonator; no credential was sent.
         */
        TLS_CHANGED,
        /** TLS failed for another reason (protocol, handshake). */
        TLS,
        /** No answer within the timeout. */
        TIMEOUT,
        /** An answer that is not the API: not JSON, wrong shape, unexpected status, a redirect. */
        PROTOCOL,
        /** The caller's thread was interrupted. */
        INTERRUPTED
    }

    private final Kind kind;
    private final transient X509Certificate serverCertificate;
    private final transient CertificateException trustFailure;

    public TransportException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    public TransportException(Kind kind, String message, Throwable cause, X509Certificate serverCertificate) {
        this(kind, message, cause, serverCertificate, null);
    }

    /** A refused certificate, with the trust policy's reason (e.g. a {@code KnownHosts.UnknownServer}). */
    public TransportException(Kind kind, String message, Throwable cause, X509Certificate serverCertificate,
            CertificateException trustFailure) {
        super(message, cause);
        this.kind = kind;
        this.serverCertificate = serverCertificate;
        this.trustFailure = trustFailure;
    }

    public Kind kind() {
        return kind;
    }

    /** For TLS_UNTRUSTED and TLS_CHANGED: the certificate the server presented. */
    public Optional<X509Certificate> serverCertificate() {
        return Optional.ofNullable(serverCertificate);
    }

    /** For TLS_UNTRUSTED and TLS_CHANGED: why the trust policy refused the certificate. */
    public Optional<CertificateException> trustFailure() {
        return Optional.ofNullable(trustFailure);
    }
}
