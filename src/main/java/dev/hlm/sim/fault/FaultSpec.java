package dev.hlm.sim.fault;

import dev.hlm.api.ErrorType;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one parser of the fault text form, for {@code hlm sim --fault} and {@link Fault#parse}:
 *
 * <pre>
 * ROUTE:ACTION[,every=N][,p=P][,times=N]
 *   ROUTE   login logout create list get delete admin-list admin-set admin-add admin-remove admin version any
 *   ACTION  error=ERROR_TYPE    answer that vAPI error (its HTTP status, the request's flavor); nothing changes
 *           latency=DURATION    wait, then answer normally
 *           stall[=DURATION]    make the change, send the headers, hold the body back (until stopped), close
 *           trickle=DURATION    make the change, send the body one byte per DURATION
 *           drop=before|after   close the connection without an answer, before or after the change is made
 *           body=empty|text|html|truncated|wrong-types|huge   make the change, spoil the answer's body
 *           status=CODE         answer this HTTP status with an HTML page (3xx: a redirect); nothing changes
 *           expire              end the caller's session first, so the call is UNAUTHENTICATED
 *   every=N every N-th call of the route; p=P with probability P (seeded); times=N at most N times
 * </pre>
 *
 * DURATION is a number with {@code ms}, {@code s} or {@code m} (seconds without a unit).
 */
public final class FaultSpec {
    public static final String GRAMMAR = "ROUTE:ACTION[,every=N][,p=P][,times=N]";
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");
    /** The actions this parser reads, as its error messages list them. */
    private static final String ACTIONS = "error=TYPE, latency=DURATION, stall[=DURATION], trickle=DURATION, "
            + "drop=before|after, body=KIND, status=CODE, expire";
    /** The longest a fault's duration may be: longer than any client waits. */
    private static final String MAX = "60m";

    private FaultSpec() {}

    /**
     * @throws IllegalArgumentException with a one-line reason naming the part at fault
     */
    public static Fault parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty fault; expected " + GRAMMAR);
        }
        String spec = text.trim();
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("fault '" + spec + "' has no ':'; expected " + GRAMMAR
                    + ", e.g. create:error=SERVICE_UNAVAILABLE");
        }
        String routeName = spec.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        FaultRoute route = FaultRoute.fromSpecName(routeName);
        if (route == null || route == FaultRoute.OTHER) {
            throw new IllegalArgumentException("fault '" + spec + "': unknown route '" + routeName + "'; routes: "
                    + routeNames());
        }
        String[] parts = spec.substring(colon + 1).split(",", -1);
        try {
            FaultAction action = action(parts[0].trim());
            int every = 1;
            double probability = 1.0;
            int times = 0;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = keyValue(parts[i]);
                switch (kv[0]) {
                    case "every" -> every = count("every", kv[1]);
                    case "p" -> probability = probability(kv[1]);
                    case "times" -> times = count("times", kv[1]);
                    default -> throw new IllegalArgumentException("unknown option '" + kv[0] + "' (every, p, times)");
                }
            }
            return new Fault(route, action, new FaultTrigger(every, probability, times));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault '" + spec + "': " + e.getMessage());
        }
    }

    private static FaultAction action(String text) {
        String[] kv = keyValue(text);
        String value = kv[1];
        return switch (kv[0]) {
            case "error" -> new FaultAction.ErrorAnswer(errorType(required("error", value)));
            case "latency" -> new FaultAction.Latency(duration("latency", required("latency", value)));
            case "stall" -> new FaultAction.Stall(value == null ? null : duration("stall", value));
            case "trickle" -> new FaultAction.Trickle(duration("trickle", required("trickle", value)));
            case "drop" -> new FaultAction.Drop(moment(required("drop", value)));
            case "body" -> new FaultAction.Body(bodyKind(required("body", value)));
            case "status" -> new FaultAction.Status(number("status", required("status", value)));
            case "expire" -> {
                if (value != null) {
                    throw new IllegalArgumentException("expire takes no value");
                }
                yield new FaultAction.ExpireSession();
            }
            case "" -> throw new IllegalArgumentException("no action; actions: " + ACTIONS);
            default -> throw new IllegalArgumentException("unknown action '" + kv[0] + "'; actions: " + ACTIONS);
        };
    }

    /** [key, value], value null when there is no '='. */
    private static String[] keyValue(String text) {
        String t = text.trim();
        int eq = t.indexOf('=');
        return eq < 0 ? new String[] {t.toLowerCase(Locale.ROOT), null}
                : new String[] {t.substring(0, eq).trim().toLowerCase(Locale.ROOT), t.substring(eq + 1).trim()};
    }

    private static String required(String key, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(key + " needs a value, as in " + key + "=...");
        }
        return value;
    }

    private static ErrorType errorType(String value) {
        ErrorType type = ErrorType.fromName(value.toUpperCase(Locale.ROOT));
        if (type == ErrorType.UNKNOWN) {
            throw new IllegalArgumentException("'" + value + "' is not a vAPI error type, e.g. SERVICE_UNAVAILABLE, "
                    + "UNAUTHENTICATED, ERROR, TIMED_OUT, RESOURCE_BUSY");
        }
        return type;
    }

    private static FaultAction.Moment moment(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "before" -> FaultAction.Moment.BEFORE;
            case "after" -> FaultAction.Moment.AFTER;
            default -> throw new IllegalArgumentException("drop=" + value + ": give before or after");
        };
    }

    private static FaultAction.BodyKind bodyKind(String value) {
        for (FaultAction.BodyKind kind : FaultAction.BodyKind.values()) {
            if (kind.specName().equals(value.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("body=" + value + ": give one of " + Arrays.stream(FaultAction.BodyKind.values())
                .map(FaultAction.BodyKind::specName).collect(Collectors.joining(", ")));
    }

    private static int count(String key, String value) {
        int n = number(key, required(key, value));
        if (n < 1) {
            throw new IllegalArgumentException(key + "=" + value + ": give a count of 1 or more");
        }
        return n;
    }

    private static int number(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a whole number");
        }
    }

    private static double probability(String value) {
        double p;
        try {
            p = Double.parseDouble(required("p", value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("p=" + value + " is not a number");
        }
        if (!(p > 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p=" + value + ": give a probability above 0 and at most 1");
        }
        return p;
    }

    static Duration duration(String key, String value) {
        Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(key + "=" + value + " is not a duration such as 500ms, 2s or 1m");
        }
        if (m.group(2) == null) {
            // 50 could be milliseconds as well as seconds: hlm's durations all say which.
            throw new IllegalArgumentException(key + "=" + value + " needs a unit: " + value + "ms, " + value + "s or "
                    + value + "m, for example");
        }
        Duration d;
        try {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + "=" + value + " is out of range (at most " + MAX + ")");
        }
        if (d.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(key + "=" + value + " is out of range (at most " + MAX + ")");
        }
        requirePositive(d, key);
        return d;
    }

    static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration");
        }
    }

    /** The shortest exact text: {@code 1500ms}, {@code 2s}, {@code 3m}. */
    static String format(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }

    private static String routeNames() {
        return Arrays.stream(FaultRoute.values()).filter(r -> r != FaultRoute.OTHER).map(FaultRoute::specName)
                .collect(Collectors.joining(", "));
    }
}
