package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class TrafficCounterTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50001);
    private static final InetSocketAddress READER = new InetSocketAddress("127.0.0.1", 50002);

    @Test
    void countsRequestsAndOneHandshakePerConnection() {
        TrafficCounter counter = new TrafficCounter();
        counter.connectionOpened(CLIENT);
        counter.request(CLIENT);
        counter.request(CLIENT);
        counter.request(CLIENT);
        assertThat(counter.snapshot()).isEqualTo(new Traffic(3, 1));
    }

    @Test
    void aConnectionOpenedForDiagnosticsIsNotCounted() {
        TrafficCounter counter = new TrafficCounter();
        counter.connectionOpened(CLIENT);
        counter.request(CLIENT);
        counter.connectionOpened(READER);
        counter.diagnosticRequest(READER);
        counter.diagnosticRequest(READER);
        assertThat(counter.snapshot()).isEqualTo(new Traffic(1, 1));
    }

    @Test
    void diagnosticsOnAConnectionThatCarriedTheApiKeepItsHandshake() {
        TrafficCounter counter = new TrafficCounter();
        counter.connectionOpened(CLIENT);
        counter.request(CLIENT);
        counter.diagnosticRequest(CLIENT);
        assertThat(counter.snapshot()).isEqualTo(new Traffic(1, 1));
    }

    @Test
    void aConnectionThatNeverSendsARequestStillCostAHandshake() {
        TrafficCounter counter = new TrafficCounter();
        counter.connectionOpened(CLIENT); // e.g. a client that refused the certificate
        assertThat(counter.snapshot()).isEqualTo(new Traffic(0, 1));
    }

    @Test
    void resetStartsFromZero() {
        TrafficCounter counter = new TrafficCounter();
        counter.connectionOpened(CLIENT);
        counter.request(CLIENT);
        counter.connectionOpened(READER);
        counter.reset();
        counter.diagnosticRequest(READER); // opened before the reset: nothing to take back
        assertThat(counter.snapshot()).isEqualTo(new Traffic(0, 0));
    }
}
