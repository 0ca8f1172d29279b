package dev.hlm.sim;

import static dev.hlm.sim.SimFixtures.api;
import static dev.hlm.sim.SimFixtures.goodSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The cloud vCenter's conversations with its PSC leave no thread behind: each has an HttpClient of its own,
 * whose selector thread Java 17 would keep until the collector found the client. A fleet of simulated clouds
 * linking at once piled up thousands of them.
 */
class PscProbeThreadsIT extends CloudSession {
    private static Set<String> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("HttpClient-") && n.endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }

    @Test
    void linksMadeOneAfterAnotherEndTheirPscConversationsThreads() throws InterruptedException {
        Set<String> before = selectorThreads();
        for (int i = 0; i < 5; i++) {
            SimHttp.Reply created = http.post("/api/hvc/links", api(goodSpec(sim)), admin);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(http.delete("/api/hvc/links/" + created.json().asText(), admin).status()).isEqualTo(204);
        }

        Set<String> left = selectorThreads();
        for (int waited = 0; waited < 200 && !before.containsAll(left); waited++) {
            Thread.sleep(10); // an interrupted selector thread takes a moment to end
            left = selectorThreads();
        }
        left.removeAll(before);
        assertThat(left).as("selector threads the PSC conversations left").isEmpty();
    }
}
