package dev.hlm.cli.check;

import java.time.Duration;
import java.util.Optional;

/**
 * How long each of the checks' own network attempts (to the PSC, for the clock) may wait: the connect timeout,
 * or less when less is left of the command's {@code --deadline}, which the vCenter's client keeps to as well.
 */
public final class TimeBudget {
    /** What an attempt gets once the deadline has passed: a socket timeout of 0 would mean no timeout at all. */
    private static final Duration AT_LEAST = Duration.ofMillis(1);

    private final Duration timeout;
    private final Duration deadline;
    private final long endNanos;

    private TimeBudget(Duration timeout, Duration deadline) {
        this.timeout = timeout;
        this.deadline = deadline;
        this.endNanos = deadline == null ? 0 : System.nanoTime() + deadline.toNanos();
    }

    /** Each attempt waits {@code timeout}. */
    public static TimeBudget of(Duration timeout) {
        return new TimeBudget(timeout, null);
    }

    /** Each attempt waits {@code timeout}, or what is left of {@code deadline} from now; null for none. */
    public static TimeBudget of(Duration timeout, Duration deadline) {
        return new TimeBudget(timeout, deadline);
    }

    /** What the next attempt may wait. */
    Duration attempt() {
        return left().map(l -> l.compareTo(timeout) < 0 ? (l.compareTo(AT_LEAST) < 0 ? AT_LEAST : l) : timeout)
                .orElse(timeout);
    }

    /** What a request may wait, three attempts' worth, within the deadline. */
    Duration request() {
        Duration three = timeout.multipliedBy(3);
        return left().map(l -> l.compareTo(three) < 0 ? (l.compareTo(AT_LEAST) < 0 ? AT_LEAST : l) : three)
                .orElse(three);
    }

    /** What is left of the deadline, never negative; empty without one. */
    Optional<Duration> left() {
        return deadline == null ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(0, endNanos - System.nanoTime())));
    }

    boolean passed() {
        return left().map(Duration::isZero).orElse(false);
    }

    /** A failure's words, and when the deadline has passed meanwhile, that it was what cut the wait short. */
    String explain(String failure) {
        return passed() ? failure + "; that was what was left of " + describe() : failure;
    }

    /** "the deadline of 2 s". */
    String describe() {
        long ms = deadline.toMillis();
        return "the deadline of " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
    }
}
