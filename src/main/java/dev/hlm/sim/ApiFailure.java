package dev.hlm.sim;

import dev.hlm.api.VapiError;

/**
 * A request the simulated server refuses, carrying the vAPI error to answer with. Thrown from anywhere in a
 * handler and rendered in the request's flavor by {@link Responses}; it is an answer, not a bug, so it has no
 * stack trace.
 */
final class ApiFailure extends RuntimeException {
    private final transient VapiError error;

    ApiFailure(VapiError error) {
        super(error.errorType() + ": " + error.summary(), null, false, false);
        this.error = error;
    }

    VapiError error() {
        return error;
    }
}
