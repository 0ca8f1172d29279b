package dev.hlm.cli;

import dev.hlm.client.ApiException;
import dev.hlm.client.TransportException;

/** The next step for a failure, for callers that do not know the command; the table is {@link Remedies}. */
final class Hints {
    private Hints() {}

    static String forApi(ApiException e) {
        return Remedies.forApi(e, null);
    }

    static String forTransport(TransportException e) {
        return Remedies.forTransport(e);
    }
}
