package dev.hlm.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How often and how patiently a client repeats a call that failed in a way that may pass (a refused or lost
 * connection, a timeout, 503 SERVICE_UNAVAILABLE), where repeating it is safe. Pauses grow exponentially from
 * {@code backoff} up to {@code maxBackoff}, each with jitter (between half and all of it), so many clients
 * that failed together do not come back together.
 *
 * @param retries how many times a call may be repeated after its first attempt; 0 never repeats
 */
public record RetryPolicy(int retries, Duration backoff, Duration maxBackoff) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(15));
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(15));

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("backoff must be 0 or more and at most maxBackoff");
        }
    }

    /** The same policy with another first pause (the cap grows with it when needed). */
    public RetryPolicy withBackoff(Duration first) {
        return new RetryPolicy(retries, first, maxBackoff.compareTo(first) < 0 ? first : maxBackoff);
    }

    /** The pause before repeat number {@code retry} (1 for the first). */
    Duration pause(int retry, Random random) {
        long cap = maxBackoff.toMillis();
        long full = Math.min(cap, backoff.toMillis() << Math.min(retry - 1, 30));
        long half = full / 2;
        return Duration.ofMillis(half + (full - half == 0 ? 0 : (long) (random.nextDouble() * (full - half))));
    }
}
