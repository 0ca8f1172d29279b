package dev.hlm.client;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one rule for what a password is, whatever its source (docs/security.md T23, T24): the text as given,
 * less a leading byte order mark (Windows editors write one) and one line ending at its end (LF or CRLF:
 * {@code echo}, editors). Refused, with a usage error that names the source but never the password: bytes
 * that are not UTF-8, a NUL, a line break left inside, U+FFFD (what the JVM makes of bytes it could not
 * decode in the environment or the arguments), and nothing at all. A password that holds any of those is
 * a mistake (the wrong file, a second line) that would otherwise be sent as a wrong password, and fail as
 * one, several times, until the account is locked. The command line and the fleet library both apply it.
 */
public final class PasswordRule {
    private static final char BOM = '\uFEFF';

    private PasswordRule() {}

    /** Why a password cannot be one, e.g. "holds a NUL character"; thrown by {@link #bytes} and {@link #chars}. */
    public static final class Refused extends RuntimeException {
        Refused(String problem) {
            super(problem, null, false, false);
        }
    }

    /** The password in {@code bytes} (UTF-8), which are cleared. */
    public static char[] bytes(byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer decoded;
        try {
            decoded = strict.decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new Refused("is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        char[] all = new char[decoded.remaining()];
        decoded.get(all);
        Arrays.fill(decoded.array(), '\0');
        try {
            return apply(all, false);
        } finally {
            Arrays.fill(all, '\0');
        }
    }

    /** The password in {@code chars} from the environment, the command line or a prompt (not cleared). */
    public static char[] chars(char[] chars) {
        return apply(chars, true);
    }

    private static char[] apply(char[] chars, boolean decodedByTheJvm) {
        int start = chars.length > 0 && chars[0] == BOM ? 1 : 0;
        int end = chars.length;
        if (end > start && chars[end - 1] == '\n') {
            end--;
            if (end > start && chars[end - 1] == '\r') {
                end--;
            }
        }
        if (end == start) {
            throw new Refused("is empty");
        }
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c == '\0') {
                throw new Refused("holds a NUL character");
            }
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                throw new Refused("holds more than one line (a line break at character " + (i - start + 1) + ")");
            }
            if (c == '\uFFFD' && decodedByTheJvm) {
                throw new Refused("is not valid UTF-8 (U+FFFD, what the system made of bytes it could not decode)");
            }
        }
        return Arrays.copyOfRange(chars, start, end);
    }
}
