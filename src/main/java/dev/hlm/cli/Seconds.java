package dev.hlm.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the options documented as {@code SECONDS}: a plain whole number in the option's range. Each option
 * is a subclass holding its range, so a value out of it, however many digits it has, is a usage error naming
 * the range while the command line is read; a value with a unit ({@code 2s}) is told to drop it.
 */
public class Seconds implements ITypeConverter<Integer> {
    private final int min;
    private final int max;

    protected Seconds(int min, int max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public Integer convert(String value) {
        String s = value.trim();
        String range = " (" + min + " to " + max + " seconds)";
        if (!s.matches("-?\\d+")) {
            if (s.matches("-?\\d+\\s*(ms|s|m|h)")) {
                throw new TypeConversionException("'" + value + "' has a unit: give whole seconds as a plain number"
                        + range);
            }
            throw new TypeConversionException("'" + value + "' is not a whole number of seconds" + range);
        }
        long n;
        try {
            n = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is out of range" + range);
        }
        if (n < min || n > max) {
            throw new TypeConversionException("'" + value + "' is out of range" + range);
        }
        return (int) n;
    }

    /** {@code --connect-timeout}: up to an hour. */
    public static final class ConnectTimeout extends Seconds {
        public ConnectTimeout() {
            super(1, 3600);
        }
    }

    /** {@code --timeout} and {@code --link-timeout}: up to a day. */
    public static final class UpToADay extends Seconds {
        public UpToADay() {
            super(1, 86_400);
        }
    }
}
