package dev.hlm.sim;

import dev.hlm.tls.HostNames;
import java.net.URI;
import java.net.URISyntaxException;

/** Where a PSC listens, as a create spec names it. */
record PscAddress(String host, int port) {
    /** {@code host:port}, with brackets around an IPv6 literal; what error messages show. */
    String display() {
        return HostNames.hostPort(host, port);
    }

    /**
     * An https URI on this PSC, for a path with its query if any ({@code /rest/...?~action=get}); throws
     * IllegalArgumentException when the host is not a valid host name.
     */
    URI uri(String path) {
        int query = path.indexOf('?');
        try {
            return new URI("https", null, host, port, query < 0 ? path : path.substring(0, query),
                    query < 0 ? null : path.substring(query + 1), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + host + "' is not a valid host name", e);
        }
    }

    @Override
    public String toString() {
        return display();
    }
}
