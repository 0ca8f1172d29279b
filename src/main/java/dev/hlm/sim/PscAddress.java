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

    /** An https URI on this PSC; throws IllegalArgumentException when the host is not a valid host name. */
    URI uri(String path) {
        try {
            return new URI("https", null, host, port, path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + host + "' is not a valid host name", e);
        }
    }

    @Override
    public String toString() {
        return display();
    }
}
