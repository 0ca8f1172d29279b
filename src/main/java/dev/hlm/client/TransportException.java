package dev.hlm.client;

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

    public TransportException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    public TransportException(Kind kind, String message, Throwable cause, X509Certificate serverCertificate) {
        this(kind, message, cause, serverCertificate, Delivery.ANSWERED, false);
    }

    /**
     * @param transientFailure true when trying again later can help (refused, reset, timeout, a garbled answer)
     */
    public TransportException(Kind kind, String message, Throwable cause, Delivery delivery, boolean transientFailure) {
        this(kind, message, cause, null, delivery, transientFailure);
    }

    public TransportException(Kind kind, String message, Throwable cause, X509Certificate serverCertificate,
            Delivery delivery, boolean transientFailure) {
        this(kind, message, cause, serverCertificate, delivery, transientFailure, false);
    }

    private TransportException(Kind kind, String message, Throwable cause, X509Certificate serverCertificate,
            Delivery delivery, boolean transientFailure, boolean outcomeChecked) {
        super(message, cause);
        this.kind = kind;
        this.serverCertificate = serverCertificate;
        this.delivery = delivery;
        this.transientFailure = transientFailure;
        this.outcomeChecked = outcomeChecked;
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
        return new TransportException(kind, getMessage() + "; " + finding, this, serverCertificate, delivery, false, true);
    }

    /** For TLS_UNTRUSTED: the certificate the server presented. */
    public Optional<X509Certificate> serverCertificate() {
        return Optional.ofNullable(serverCertificate);
    }
}
