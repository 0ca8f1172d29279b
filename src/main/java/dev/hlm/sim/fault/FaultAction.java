package dev.hlm.sim.fault;

import dev.hlm.api.ErrorType;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What goes wrong with a call. Some act before the route runs, so nothing changes on the server
 * ({@link ErrorAnswer}, {@link Status}, {@link Drop} before, {@link ExpireSession}); the others let the route
 * run, so a change is made, and then spoil or lose its answer. {@link #spec()} is the text form
 * {@link FaultSpec} reads.
 */
public sealed interface FaultAction {

    /** The text form, e.g. {@code error=SERVICE_UNAVAILABLE}. */
    String spec();

    /** Answers this error type, with its HTTP status, in the request's flavor; the route does not run. */
    record ErrorAnswer(ErrorType type) implements FaultAction {
        public ErrorAnswer {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String spec() {
            return "error=" + type.name();
        }
    }

    /** Waits this long, then answers normally. */
    record Latency(Duration delay) implements FaultAction {
        public Latency {
            FaultSpec.requirePositive(delay, "latency");
        }

        @Override
        public String spec() {
            return "latency=" + FaultSpec.format(delay);
        }
    }

    /**
     * Sends the answer's status and headers, then holds its body back: for {@code holdFor} (null: until the
     * simulator stops), after which the connection is closed without it.
     */
    record Stall(Duration holdFor) implements FaultAction {
        public Stall {
            if (holdFor != null) {
                FaultSpec.requirePositive(holdFor, "stall");
            }
        }

        @Override
        public String spec() {
            return holdFor == null ? "stall" : "stall=" + FaultSpec.format(holdFor);
        }
    }

    /** Sends the answer's status and headers, then its body one byte per {@code interval}. */
    record Trickle(Duration interval) implements FaultAction {
        public Trickle {
            FaultSpec.requirePositive(interval, "trickle");
        }

        @Override
        public String spec() {
            return "trickle=" + FaultSpec.format(interval);
        }
    }

    /** When a dropped connection is closed: before the route runs, or after it made its change. */
    enum Moment { BEFORE, AFTER }

    /** Closes the connection without an answer. */
    record Drop(Moment moment) implements FaultAction {
        public Drop {
            Objects.requireNonNull(moment, "moment");
        }

        @Override
        public String spec() {
            return "drop=" + moment.name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a spoiled body looks. */
    enum BodyKind {
        /** The answer's status with no body at all. */
        EMPTY,
        /** Plain text, not JSON. */
        TEXT,
        /** An HTML error page, as a proxy in front of the service sends. */
        HTML,
        /** The JSON cut off halfway. */
        TRUNCATED,
        /** Well-formed JSON of the wrong shape: arrays and objects swapped, strings turned into objects. */
        WRONG_TYPES,
        /** A 10 MiB JSON string. */
        HUGE;

        public String specName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The route runs, and its answer's body is replaced as {@code kind} says (status kept). */
    record Body(BodyKind kind) implements FaultAction {
        public Body {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String spec() {
            return "body=" + kind.specName();
        }
    }

    /**
     * Answers this HTTP status with a small HTML page instead of the API, as a proxy or load balancer would; a
     * 3xx carries a {@code Location} elsewhere. The route does not run.
     */
    record Status(int code) implements FaultAction {
        public Status {
            if (code < 200 || code > 599) {
                throw new IllegalArgumentException("status " + code + " is not an HTTP status (200 to 599)");
            }
        }

        @Override
        public String spec() {
            return "status=" + code;
        }
    }

    /** Ends the caller's session just before the route runs, so it answers UNAUTHENTICATED (decision D12). */
    record ExpireSession() implements FaultAction {
        @Override
        public String spec() {
            return "expire";
        }
    }

    static FaultAction error(ErrorType type) {
        return new ErrorAnswer(type);
    }

    static FaultAction latency(Duration delay) {
        return new Latency(delay);
    }

    static FaultAction stall() {
        return new Stall(null);
    }

    static FaultAction trickle(Duration interval) {
        return new Trickle(interval);
    }

    static FaultAction dropBefore() {
        return new Drop(Moment.BEFORE);
    }

    static FaultAction dropAfter() {
        return new Drop(Moment.AFTER);
    }

    static FaultAction body(BodyKind kind) {
        return new Body(kind);
    }

    static FaultAction status(int code) {
        return new Status(code);
    }

    static FaultAction expireSession() {
        return new ExpireSession();
    }
}
