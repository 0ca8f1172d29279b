package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hlm.api.CreateSpec;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.SimulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * close() logs out even while another thread waits for a slow answer, as the CLI's exit hook does on
 * Ctrl-C; an operation after close sends nothing.
 */
class ClientCloseIT {
    @Test
    void closeLogsOutWhileAnOperationIsStillWaiting() throws Exception {
        try (Simulator sim = Simulator.builder().linkDelay(Duration.ofMinutes(5)).build()) {
            HlmClient vc = SimulatorExtension.clientOf(sim).build();
            CreateSpec spec = new CreateSpec(sim.pscHostname(), String.valueOf(sim.pscPort()), sim.domainName(),
                    sim.pscAdminUsername(), sim.pscAdminPassword(), sim.pscCertificate().sha256().toString(), null, null);
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> vc.createLink(spec).id());
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (sim.requests().stream().noneMatch(r -> r.path().equals("/api/hvc/links"))) {
                assertThat(Instant.now()).as("the create to arrive").isBefore(deadline);
                Thread.sleep(20);
            }
            assertThat(sim.openSessions()).isEqualTo(1);

            CompletableFuture.runAsync(vc::close).get(1, TimeUnit.MINUTES);

            assertThat(sim.openSessions()).isZero();
            // The create still waiting fails now, rather than holding its thread for the link's 5 minutes.
            assertThatThrownBy(() -> slow.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TransportException.class);
        }
    }

    @Test
    void closeEndsTheHttpClientsThreadAtOnce() throws Exception {
        try (Simulator sim = Simulator.builder().build()) {
            Set<Thread> before = selectorThreads();
            HlmClient vc = SimulatorExtension.clientOf(sim).build();
            vc.listLinks();
            Set<Thread> mine = selectorThreads();
            mine.removeAll(before);
            assertThat(mine).as("the client's selector thread").hasSize(1);

            vc.close();

            // Without release, it would live (and keep its connection open) until a garbage collection.
            Thread selector = mine.iterator().next();
            selector.join(10_000);
            assertThat(selector.isAlive()).as(selector.getName() + " alive after close").isFalse();
        }
    }

    private static Set<Thread> selectorThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager") && t.isAlive()) {
                threads.add(t);
            }
        }
        return threads;
    }

    @Test
    void anOperationAfterCloseSendsNothing() {
        try (Simulator sim = Simulator.builder().build()) {
            HlmClient vc = SimulatorExtension.clientOf(sim).build();
            vc.login();
            vc.close();
            vc.close();
            assertThat(sim.openSessions()).isZero();
            int before = sim.requests().size();
            org.assertj.core.api.Assertions.assertThatThrownBy(vc::listLinks).isInstanceOf(TransportException.class)
                    .hasMessageContaining("closed");
            assertThat(sim.requests()).hasSize(before);
        }
    }
}
