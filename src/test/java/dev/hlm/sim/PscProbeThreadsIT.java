package dev.hlm.sim;

import static dev.hlm.sim.SimFixtures.api;
import static dev.hlm.sim.SimFixtures.goodSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.testing.SelectorThreads;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cloud vCenter's conversations with its PSC leave no thread behind: each has an HttpClient of its own,
 * whose selector thread Java 17 would keep until the collector found the client. A fleet of simulated clouds
 * linking at once piled up thousands of them.
 */
class PscProbeThreadsIT extends CloudSession {
    @Test
    void linksMadeOneAfterAnotherEndTheirPscConversationsThreads() throws InterruptedException {
        Set<String> before = SelectorThreads.alive();
        for (int i = 0; i < 5; i++) {
            SimHttp.Reply created = http.post("/api/hvc/links", api(goodSpec(sim)), admin);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(http.delete("/api/hvc/links/" + created.json().asText(), admin).status()).isEqualTo(204);
        }

        assertThat(SelectorThreads.leftSince(before)).as("selector threads the PSC conversations left").isEmpty();
    }
}
