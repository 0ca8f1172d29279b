package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.testing.SelectorThreads;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A fleet simulator's warm-up (hlm sim --clouds) has its PSC conversations with a simulator of its own: each of
 * them succeeds, nothing is left running, and a simulator already serving sees none of it.
 */
class WarmUpIT {
    @Test
    void everyConversationSucceedsAndLeavesNoTraceElsewhere() throws InterruptedException {
        try (Simulator serving = Simulator.builder().build()) {
            Set<String> selectors = SelectorThreads.alive();

            assertThat(Simulator.warmUp(3)).isEqualTo(3);

            assertThat(serving.requests()).isEmpty();
            assertThat(serving.pscRequests()).isEmpty();
            assertThat(serving.pscOpenSessions()).isZero();
            assertThat(SelectorThreads.leftSince(selectors)).as("the conversations' HttpClient threads").isEmpty();
        }
    }
}
