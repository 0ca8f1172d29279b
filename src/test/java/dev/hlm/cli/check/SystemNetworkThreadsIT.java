package dev.hlm.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.testing.SelectorThreads;
import dev.hlm.testing.WithSimulator;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code link check}'s reading of a server's clock leaves no HTTP client thread behind. It makes an HttpClient of
 * its own (it trusts any certificate, as it sends nothing secret), whose selector thread Java 17 keeps until the
 * collector finds the client: one per check, for as long as a program that runs the checks lives.
 */
@WithSimulator
class SystemNetworkThreadsIT {
    @Test
    void readingTheClocksEndsItsHttpClientsThreads(Simulator sim) throws Exception {
        Set<String> before = SelectorThreads.alive();
        for (int i = 0; i < 3; i++) {
            Duration offset = Network.system().clockOffset(sim.cloudUrl(), Duration.ofSeconds(5));
            assertThat(offset.abs()).as("the simulator's clock is this machine's").isLessThan(Duration.ofSeconds(2));
        }

        assertThat(SelectorThreads.leftSince(before)).as("selector threads the clock readings left").isEmpty();
    }
}
