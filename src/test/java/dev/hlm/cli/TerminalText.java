package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.client.SafeText;

/** What a terminal would do with hlm's output: checks that text from elsewhere reached it escaped. */
final class TerminalText {
    private TerminalText() {}

    /** hlm's own spinner (on a terminal only): its frames and the sequence that erases it. */
    static String withoutSpinner(String err) {
        return err.replaceAll("\r(?:[|/\\\\-] [^\r\n]*? \\d+s |\u001b\\[K)", "");
    }

    /** Every character of {@code text} shows as itself: no control but the line ends, nothing invisible. */
    static void assertShowsAsWritten(String what, String text) {
        int[] raw = text.codePoints().filter(c -> c != '\n' && SafeText.needsEscape(c)).toArray();
        assertThat(raw).as("%s holds characters a terminal acts on or hides:%n%s", what, text).isEmpty();
    }
}
