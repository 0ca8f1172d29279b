package dev.hlm.cli.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The network as the pre-flight checks see it: name lookup, a TCP connect, the certificate a TLS server
 * presents, and a server's clock. An interface so tests can play what loopback cannot (a name that does
 * not resolve, a long round trip); {@link #system()} is the real one.
 */
public interface Network {
    /** Every address of {@code host}; an IP literal resolves to itself without a lookup. */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /**
     * Opens and closes one TCP connection; answers the round trip it saw: how long opening it took, or the
     * server's answer to a TLS hello when that took longer.
     */
    Duration connect(InetSocketAddress address, Duration timeout) throws IOException;

    /** The certificate {@code host:port} presents, trusting nothing and sending nothing. */
    X509Certificate certificate(String host, int port, Duration timeout) throws IOException;

    /**
     * How far {@code server}'s clock is ahead of this machine's (negative: behind), from the {@code Date}
     * header of an HTTPS request that carries no credentials.
     */
    Duration clockOffset(URI server, Duration timeout) throws IOException;

    static Network system() {
        return new SystemNetwork();
    }
}
