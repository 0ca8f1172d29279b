package dev.hlm.cli;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people write them: {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code -90s}. A
 * duration needs its unit ({@code 50} could mean 50 ms as well as 50 s), except 0. Each option's converter
 * is a subclass holding the option's range, so a value out of it (however many digits it has) is a usage
 * error naming the range while the command line is read, before anything is sent.
 */
public class Durations implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h)?");
    private final Duration min;
    private final Duration max;

    /** Any duration with a unit; an option should rather say its range with a subclass. */
    public Durations() {
        this(null, null);
    }

    protected Durations(Duration min, Duration max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 2s, 5m or 1h");
        }
        String number = m.group(1);
        if (m.group(2) == null && !number.matches("-?0+")) {
            throw new TypeConversionException("'" + value + "' needs a unit: " + number + "ms, " + number + "s or "
                    + number + "m, for example");
        }
        Duration d;
        try {
            d = Duration.of(Long.parseLong(number), unit(m.group(2)));
        } catch (NumberFormatException | ArithmeticException e) {
            throw outOfRange(value); // more digits than any duration has
        }
        if ((min != null && d.compareTo(min) < 0) || (max != null && d.compareTo(max) > 0)) {
            throw outOfRange(value);
        }
        return d;
    }

    private TypeConversionException outOfRange(String value) {
        return new TypeConversionException("'" + value + "' is out of range"
                + (min == null ? "" : " (" + format(min) + " to " + format(max) + ")"));
    }

    private static ChronoUnit unit(String unit) {
        return switch (unit == null ? "s" : unit) {
            case "ms" -> ChronoUnit.MILLIS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.SECONDS;
        };
    }

    /** The shortest exact text in this syntax: {@code 0s}, {@code 1500ms}, {@code 10m}, {@code -24h}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** {@code --deadline}: 100 ms to a day. */
    public static final class Deadline extends Durations {
        public Deadline() {
            super(Duration.ofMillis(100), Duration.ofHours(24));
        }
    }

    /** {@code --retry-backoff}: up to 10 minutes. */
    public static final class RetryBackoff extends Durations {
        public RetryBackoff() {
            super(Duration.ZERO, Duration.ofMinutes(10));
        }
    }

    /** {@code hlm sim --latency} and {@code --psc-latency}: up to 10 minutes, beyond any client's patience. */
    public static final class Latency extends Durations {
        public Latency() {
            super(Duration.ZERO, Duration.ofMinutes(10));
        }
    }

    /** {@code hlm sim --link-delay}: up to an hour; real links take minutes. */
    public static final class LinkDelay extends Durations {
        public LinkDelay() {
            super(Duration.ZERO, Duration.ofHours(1));
        }
    }

    /** {@code hlm sim --session-timeout}: 1 second to a day. */
    public static final class SessionTimeout extends Durations {
        public SessionTimeout() {
            super(Duration.ofSeconds(1), Duration.ofHours(24));
        }
    }

    /** {@code hlm sim --clock-offset} and {@code --psc-clock-offset}: a day either way. */
    public static final class ClockOffset extends Durations {
        public ClockOffset() {
            super(Duration.ofHours(-24), Duration.ofHours(24));
        }
    }
}
