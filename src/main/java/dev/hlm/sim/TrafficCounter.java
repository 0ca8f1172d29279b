package dev.hlm.sim;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts one server's requests and TLS handshakes. A handshake is counted when the server sets up TLS for
 * a new connection; which kind of connection it was is only known at its first request, so connections
 * that have not sent one yet are remembered by client address: if their first request is a diagnostic one,
 * the handshake is taken back, and reading the counters never changes them.
 */
final class TrafficCounter {
    /** Connections that never send a request (a client that refused the certificate) are forgotten past this. */
    private static final int MAX_PENDING = 10_000;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong handshakes = new AtomicLong();
    private final Set<InetSocketAddress> withoutRequest = ConcurrentHashMap.newKeySet();

    /** A client connected and TLS is being set up. */
    void connectionOpened(InetSocketAddress client) {
        handshakes.incrementAndGet();
        if (withoutRequest.size() >= MAX_PENDING) {
            withoutRequest.clear();
        }
        withoutRequest.add(client);
    }

    /** An API request arrived on the connection of {@code client}. */
    void request(InetSocketAddress client) {
        requests.incrementAndGet();
        withoutRequest.remove(client);
    }

    /** A {@code /sim/} request arrived: not counted, nor the handshake of a connection opened for it. */
    void diagnosticRequest(InetSocketAddress client) {
        if (withoutRequest.remove(client)) {
            handshakes.decrementAndGet();
        }
    }

    Traffic snapshot() {
        return new Traffic(requests.get(), handshakes.get());
    }

    void reset() {
        requests.set(0);
        handshakes.set(0);
        withoutRequest.clear();
    }
}
