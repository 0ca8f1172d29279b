package dev.hlm.client;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Could not talk to the server, or could not understand it: nothing the server decided. The kind tells the
 * caller what to check; an untrusted certificate carries the certificate the server presented. The
 * {@link #delivery()} tells whether the request may have been carried out, which decides whether it may be
 * repeated, and {@link #isTransient()} whether trying again can help.
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

    /** How far the request got. */
    public enum Delivery {
        /** It never reached the server (no connection, TLS refused): nothing happened there. */
        NOT_SENT,
        /** It was, or may have been, sent, and its answer was lost or unreadable: it may have happened. */
        UNKNOWN,
        /** The server answered with something that is not the API (a redirect, an unexpected status). */
        ANSWERED
    }

    private final Kind kind;
    private final transient X509Certificate serverCertificate;
    private final Delivery delivery;
    private final boolean transientFailure;
    private final boolean outcomeChecked;
    private final transient CertificateException trustFailure;

    public TransportException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    public TransportException(Kind kind, String message, Throwable cause, X509Certificate serverCertificate) {
        this(kind, message, cause, serverCertificate, Delivery.ANSWERED, false);
    }

    /** A refused certificate, with the trust policy's reason (e.g. a {@code KnownHosts.UnknownServer}). */
    public TransportException(Kind kind, String message, Throwable cause, X509Certificate serverCertificate,
            CertificateException trustFailure) {
        this(kind, message, cause, serverCertificate, Delivery.NOT_SENT, false, false, trustFailure);
    }

    /**
     * @param transientFailure true when trying again later can help (refused, reset, timeout, a garbled answer)
     */
    public TransportException(Kind kind, String message, Throwable cause, Delivery delivery, boolean transientFailure) {
        this(kind, message, cause, null, delivery, transientFailure);
    }

    public TransportException(Kind kind, String message, Throwable cause, X509Certificate serverCertificate,
            Delivery delivery, boolean transientFailure) {
        this(kind, message, cause, serverCertificate, delivery, transientFailure, false, null);
    }

    private TransportException(Kind kind, String message, Throwable cause, X509Certificate serverCertificate,
            Delivery delivery, boolean transientFailure, boolean outcomeChecked, CertificateException trustFailure) {
        super(message, cause);
        this.kind = kind;
        this.serverCertificate = serverCertificate;
        this.delivery = delivery;
        this.transientFailure = transientFailure;
        this.outcomeChecked = outcomeChecked;
        this.trustFailure = trustFailure;
    }

    public Kind kind() {
        return kind;
    }

    public Delivery delivery() {
        return delivery;
    }

    /** True when the same call may succeed if tried again (whether it may be repeated is another question). */
    public boolean isTransient() {
        return transientFailure;
    }

    /**
     * True when the client, after this change's answer was lost, listed the links to learn what happened; the
     * message says what it found.
     */
    public boolean outcomeChecked() {
        return outcomeChecked;
    }

    /** This failure of a change, with what the listing found appended; not to be repeated blindly. */
    TransportException withOutcome(String finding) {
        return new TransportException(kind, getMessage() + "; " + finding, this, serverCertificate, delivery, false,
                true, trustFailure);
    }

    /** This failure, no longer to be repeated, with why appended (the deadline leaves no time for it). */
    TransportException notRepeated(String why) {
        return new TransportException(kind, getMessage() + "; " + why, this, serverCertificate, delivery, false,
                outcomeChecked, trustFailure);
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
