package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hlm.sim.Simulator;
import dev.hlm.testing.SimulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The builder's deadline, as a library user sets it: a length starts with each client it builds (a builder kept
 * as a template does not use it up), and a shared one bounds every client given it, from when it was made.
 */
class ClientDeadlineIT {
    @Test
    void aDeadlineGivenAsALengthStartsWithTheClientNotTheBuilder() throws Exception {
        try (Simulator sim = Simulator.builder().build()) {
            HlmClientBuilder template = SimulatorExtension.clientOf(sim).deadline(Duration.ofMillis(400));
            Thread.sleep(600); // longer than the deadline: counted from here, any call would be refused

            try (HlmClient vc = template.build()) {
                assertThat(vc.listLinks()).isEmpty();
            }
        }
    }

    @Test
    void aDeadlineBoundsTheCallsOfTheClient() {
        try (Simulator sim = Simulator.builder().latency(Duration.ofSeconds(5)).build()) {
            try (HlmClient vc = SimulatorExtension.clientOf(sim).deadline(Duration.ofMillis(500)).build()) {
                long start = System.nanoTime();
                assertThatThrownBy(vc::listLinks).isInstanceOf(TransportException.class)
                        .extracting(e -> ((TransportException) e).kind()).isEqualTo(TransportException.Kind.TIMEOUT);
                // The answer would take 5 s; the deadline ends the wait, with room for a loaded machine.
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            }
        }
    }

    @Test
    void aSharedDeadlineCountsFromWhenItWasMadeForEveryClientGivenIt() throws Exception {
        try (Simulator sim = Simulator.builder().build()) {
            Deadline shared = Deadline.in(Duration.ofMillis(300));
            Thread.sleep(500);

            try (HlmClient vc = SimulatorExtension.clientOf(sim).deadline(shared).build()) {
                assertThatThrownBy(vc::listLinks).isInstanceOf(TransportException.class)
                        .extracting(e -> ((TransportException) e).kind()).isEqualTo(TransportException.Kind.TIMEOUT);
            }
            // The last one set wins: a length after the shared one replaces it.
            try (HlmClient vc = SimulatorExtension.clientOf(sim).deadline(shared).deadline(Duration.ofMinutes(1)).build()) {
                assertThat(vc.listLinks()).isEmpty();
            }
        }
    }
}
