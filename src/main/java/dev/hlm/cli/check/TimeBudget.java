package dev.hlm.cli.check;

import dev.hlm.client.Deadline;
import java.time.Duration;

/**
 * How long each of the checks' own network attempts (to the PSC, for the clock) may wait: the connect timeout,
 * or less when less is left of the command's {@link Deadline}, which the vCenter's client keeps to as well.
 */
public final class TimeBudget {
    /** What an attempt gets once the deadline has passed: a socket timeout of 0 would mean no timeout at all. */
    private static final Duration AT_LEAST = Duration.ofMillis(1);

    private final Duration timeout;
    private final Deadline deadline;

    private TimeBudget(Duration timeout, Deadline deadline) {
        this.timeout = timeout;
        this.deadline = deadline;
    }

    /** Each attempt waits {@code timeout}. */
    public static TimeBudget of(Duration timeout) {
        return new TimeBudget(timeout, Deadline.NONE);
    }

    /** Each attempt waits {@code timeout}, or what is left of {@code deadline}. */
    public static TimeBudget of(Duration timeout, Deadline deadline) {
        return new TimeBudget(timeout, deadline);
    }

    /** What the next attempt may wait. */
    Duration attempt() {
        return atLeastAMoment(deadline.cap(timeout));
    }

    /** What a request may wait: three attempts' worth, within the deadline. */
    Duration request() {
        return atLeastAMoment(deadline.cap(timeout.multipliedBy(3)));
    }

    private static Duration atLeastAMoment(Duration wait) {
        return wait.compareTo(AT_LEAST) < 0 ? AT_LEAST : wait;
    }

    /** The deadline itself, for a client of the checks to keep to. */
    Deadline deadline() {
        return deadline;
    }

    boolean passed() {
        return deadline.bounded() && deadline.remaining().isZero();
    }

    /** A failure's words, and when the deadline has passed meanwhile, that it was what cut the wait short. */
    String explain(String failure) {
        return passed() ? failure + "; that was what was left of " + describe() : failure;
    }

    /** "the deadline of 2 s". */
    String describe() {
        return deadline.describe();
    }
}
