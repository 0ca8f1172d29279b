package dev.hlm.client;

/** Base of every failure the client reports: either the server refused, or the exchange failed. */
public abstract sealed class HlmException extends RuntimeException permits ApiException, TransportException {
    protected HlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
