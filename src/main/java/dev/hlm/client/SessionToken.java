package dev.hlm.client;

/**
 * The session token a login answered, checked before it is used (docs/security.md T20). A token is opaque,
 * 32 hex characters on a real vCenter: hlm takes 1 to {@value #MAX_LENGTH} visible ASCII characters. Anything
 * else is a PROTOCOL failure whose message names the problem but never the token, which is a credential.
 *
 * <p>Such a session is still ended when its token can be sent back as the server issued it: when it is
 * printable ASCII (too long, say, or holding a space). A token with CR, LF or another control cannot be a
 * header value, and one with other characters cannot be sent as issued (Java's HTTP client writes each
 * non-ASCII header character as {@code ?}): those sessions idle out on the server.
 */
final class SessionToken {
    static final int MAX_LENGTH = 4096;

    private SessionToken() {}

    /** What is wrong with the token, e.g. "holds a control character (U+000D)"; null when nothing is. */
    static String problem(String token) {
        if (token.length() > MAX_LENGTH) {
            return "is " + token.length() + " characters long, more than the " + MAX_LENGTH + " hlm accepts";
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (control(c)) {
                return "holds a control character (" + codePoint(c) + ")";
            }
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c > '~') {
                return "holds a character that is not visible ASCII (" + codePoint(c) + ")";
            }
        }
        return null;
    }

    /** True when a header can carry the token exactly as the server sent it: printable ASCII only. */
    static boolean sendable(String token) {
        return token.chars().allMatch(c -> c >= ' ' && c <= '~');
    }

    /** C0 controls and DEL: what HTTP forbids in a header value (tab included, as a token has no use for it). */
    private static boolean control(char c) {
        return c < 0x20 || c == 0x7f;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
