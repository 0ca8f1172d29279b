package dev.hlm.api;

/**
 * Input shown back in a message, made visible: characters a terminal would act on or not show at all are
 * written as escapes ({@code \x0a}, &#92;u200b), so a user sees what they typed and a message cannot
 * rewrite the screen. Hidden are controls (Cc: line feed, tab, escape, C1 controls), format characters (Cf:
 * zero-width space, bidirectional controls, the byte order mark) and the line and paragraph separators.
 * Used by both sides' input rules: group names, host and domain names. (Issue 11 has a general escaping
 * function for terminal output in the making; this one is the small part those rules need.)
 */
public final class VisibleText {
    private VisibleText() {}

    /** True for a character that is not seen as itself: a control, a format character, a line or paragraph separator. */
    public static boolean isHidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** The index of the first hidden character in {@code text}, or -1. */
    public static int firstHidden(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (isHidden(text.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** "a control character (\x0a)" or "an invisible character (&#92;u200b)": what a rule says it refused. */
    public static String describe(int codePoint) {
        return (Character.getType(codePoint) == Character.CONTROL ? "a control character (" : "an invisible character (")
                + escape(codePoint) + ")";
    }

    /** {@code \xNN} up to U+00FF, &#92;uNNNN above, {@code \U00NNNNNN} beyond the basic plane. */
    public static String escape(int codePoint) {
        if (codePoint <= 0xFF) {
            return String.format("\\x%02x", codePoint);
        }
        return codePoint <= 0xFFFF ? String.format("\\u%04x", codePoint) : String.format("\\U%08x", codePoint);
    }

    /** {@code text} with every hidden character escaped; at most {@code max} characters of it, then "...". */
    public static String of(String text, int max) {
        StringBuilder shown = new StringBuilder();
        int i = 0;
        for (; i < text.length() && i < max; i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (isHidden(c)) {
                shown.append(escape(c));
            } else {
                shown.appendCodePoint(c);
            }
        }
        return i < text.length() ? shown + "..." : shown.toString();
    }

    /** {@code text} with every hidden character escaped. */
    public static String of(String text) {
        return of(text, Integer.MAX_VALUE);
    }
}
