package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pauses grow exponentially to a cap, each between half and all of its step, so clients spread out. */
class RetryPolicyTest {
    @Test
    void pausesDoubleUpToTheCapWithJitterInTheUpperHalf() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        Random random = new Random(7);
        long[] steps = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int retry = 1; retry <= steps.length; retry++) {
            for (int draw = 0; draw < 50; draw++) {
                long pause = policy.pause(retry, random).toMillis();
                assertThat(pause).as("retry %d", retry).isBetween(steps[retry - 1] / 2, steps[retry - 1]);
            }
        }
    }

    @Test
    void jitterSpreadsThePauses() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        Random random = new Random(1);
        long first = policy.pause(3, random).toMillis();
        boolean differs = false;
        for (int i = 0; i < 20 && !differs; i++) {
            differs = policy.pause(3, random).toMillis() != first;
        }
        assertThat(differs).isTrue();
    }

    @Test
    void aZeroBackoffNeverWaitsAndManyRetriesDoNotOverflow() {
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ZERO).pause(2, new Random()).toMillis()).isZero();
        assertThat(RetryPolicy.DEFAULT.pause(100, new Random()).toMillis()).isBetween(7_500L, 15_000L);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetryPolicy.DEFAULT.withBackoff(Duration.ofMinutes(1)).maxBackoff()).isEqualTo(Duration.ofMinutes(1));
    }
}
