package dev.hlm.sim;

import dev.hlm.api.Summary;
import dev.hlm.tls.Thumbprint;
import java.time.Instant;

/**
 * A stored link: what list shows, plus where the PSC is and which certificate it had at create time, so
 * health checks and delete-with-credentials can reach the same PSC, and when it was made (its first sync).
 */
record Link(String id, String domainName, PscAddress psc, Thumbprint pscThumbprint, Instant created) {
    Summary summary() {
        // Decision D1: the display name is the domain given at create.
        return new Summary(id, domainName);
    }
}
