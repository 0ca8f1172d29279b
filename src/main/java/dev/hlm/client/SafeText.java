package dev.hlm.client;

/**
 * Text from a server or a certificate, made safe to show on a terminal: whatever it holds, it prints as
 * one line of visible characters, so it cannot move the cursor, erase or hide what hlm prints, draw a
 * line of its own, or reorder a line with bidirectional overrides. Everything hlm prints for people goes
 * through {@link #escape}; {@code --json} does not (JSON has its own escapes).
 *
 * <p>Escaped, and nothing else:
 * <ul>
 *   <li>{@code \} itself, doubled to {@code \\}, so that a server's literal {@code \x1b} (shown as
 *       {@code \\x1b}) cannot pass for an escaped control character;</li>
 *   <li>C0 controls (U+0000 to U+001F: ESC, CR, LF, TAB, BEL ...), DEL (U+007F) and C1 controls (U+0080
 *       to U+009F, which some terminals read as ESC sequences), as {@code \xNN};</li>
 *   <li>invisible format characters ({@link Character#FORMAT}): the bidirectional controls U+061C,
 *       U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069, the zero-width U+200B to U+200D, U+2060
 *       and U+FEFF, the soft hyphen, Unicode tags and the rest of that category;</li>
 *   <li>the line and paragraph separators U+2028 and U+2029;</li>
 *   <li>surrogates that are not a pair, and code points Unicode has not assigned;</li>
 * </ul>
 * each as <code>&#92;uNNNN</code>, or {@code \U00NNNNNN} above U+FFFF, in lower-case hex. Printable letters,
 * digits, punctuation and spaces of any script (é, 日本, ß) stay as they are.
 */
public final class SafeText {
    private SafeText() {}

    /** {@code text} as one line of visible characters; null becomes the empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c == '\\' || needsEscape(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(c == '\\' ? "\\\\" : visible(c));
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /**
     * True for a code point that a terminal does not show as itself: a control, an invisible format
     * character, a line or paragraph separator, a lone surrogate, an unassigned code point.
     */
    public static boolean needsEscape(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static String visible(int c) {
        if (c <= 0xFF) {
            return String.format("\\x%02x", c);
        }
        return c <= 0xFFFF ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
    }
}
