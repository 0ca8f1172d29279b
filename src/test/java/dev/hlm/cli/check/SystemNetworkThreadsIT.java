package dev.hlm.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code link check}'s reading of a server's clock leaves no HTTP client thread behind. It makes an HttpClient of
 * its own (it trusts any certificate, as it sends nothing secret), whose selector thread Java 17 keeps until the
 * collector finds the client: one per check, for as long as a program that runs the checks lives.
 */
@WithSimulator
class SystemNetworkThreadsIT {
    private static Set<String> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("HttpClient-") && n.endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }

    @Test
    void readingTheClocksEndsItsHttpClientsThreads(Simulator sim) throws Exception {
        Set<String> before = selectorThreads();
        for (int i = 0; i < 3; i++) {
            Duration offset = Network.system().clockOffset(sim.cloudUrl(), Duration.ofSeconds(5));
            assertThat(offset.abs()).as("the simulator's clock is this machine's").isLessThan(Duration.ofSeconds(2));
        }

        Set<String> left = selectorThreads();
        for (int waited = 0; waited < 200 && !before.containsAll(left); waited++) {
            Thread.sleep(10); // an interrupted selector thread takes a moment to end
            left = selectorThreads();
        }
        left.removeAll(before);
        assertThat(left).as("selector threads the clock readings left").isEmpty();
    }
}
