package dev.hlm.client;

import java.time.Duration;

/**
 * One bound on all of a client's work, from its creation (hlm's {@code --deadline}): every exchange waits at most
 * what is left of it, and no repeat is paused for that would end after it. A monitoring agent kills a plugin that
 * outlasts its own limit, and then the plugin's answer (and its logout) is lost; a deadline a little under that
 * limit makes the plugin answer UNKNOWN in time instead. The logout at the end still gets a short moment
 * ({@link #forLogout}) so that the session is ended.
 */
public final class Deadline {
    /** No bound: each call has its own timeout only. */
    public static final Deadline NONE = new Deadline(null, 0);

    /** What a logout may take after the deadline passed. */
    static final Duration LOGOUT_GRACE = Duration.ofSeconds(1);

    private final Duration total;
    private final long endNanos;

    private Deadline(Duration total, long endNanos) {
        this.total = total;
        this.endNanos = endNanos;
    }

    /** A deadline {@code total} from now. */
    public static Deadline in(Duration total) {
        if (total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException("a deadline must be positive");
        }
        return new Deadline(total, System.nanoTime() + total.toNanos());
    }

    /** False for {@link #NONE}. */
    public boolean bounded() {
        return total != null;
    }

    /** What is left, never negative; unbounded: a very long time. */
    public Duration remaining() {
        if (total == null) {
            return Duration.ofDays(365);
        }
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** {@code timeout}, or less when less of the deadline is left (zero once it passed). */
    public Duration cap(Duration timeout) {
        Duration left = remaining();
        return left.compareTo(timeout) < 0 ? left : timeout;
    }

    /** True when a pause of {@code pause} still leaves time for the call it precedes. */
    boolean allowsPause(Duration pause) {
        return remaining().compareTo(pause) > 0;
    }

    /** A logout's timeout: {@code normal}, cut to what is left of the deadline but never under a short grace. */
    Duration forLogout(Duration normal) {
        if (total == null) {
            return normal;
        }
        Duration left = remaining();
        Duration bounded = left.compareTo(LOGOUT_GRACE) < 0 ? LOGOUT_GRACE : left;
        return bounded.compareTo(normal) < 0 ? bounded : normal;
    }

    /** "the deadline of 8 s", for messages; only for a bounded one. */
    public String describe() {
        long ms = total.toMillis();
        return "the deadline of " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
    }
}
