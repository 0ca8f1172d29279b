package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a hostile text looks like once escaped for a terminal, and that ordinary text is left alone. */
class SafeTextTest {
    @Test
    void controlCharactersBecomeVisibleHexOnOneLine() {
        assertThat(SafeText.escape("a\u001b[8mb\r\nc\u0007d\te\u0000f\u007fg\u009bh"))
                .isEqualTo("a\\x1b[8mb\\x0d\\x0ac\\x07d\\x09e\\x00f\\x7fg\\x9bh");
    }

    @Test
    void anOscSequenceThatWouldRetitleTheTerminalIsShownNotSent() {
        assertThat(SafeText.escape("\u001b]0;owned\u0007link-1")).isEqualTo("\\x1b]0;owned\\x07link-1");
    }

    @Test
    void aBackslashIsDoubledSoAnEscapeCannotBeForged() {
        // A server that sends the six characters \x1b must not look like one that sent ESC.
        assertThat(SafeText.escape("\\x1b")).isEqualTo("\\\\x1b");
        assertThat(SafeText.escape("\u001b")).isEqualTo("\\x1b");
        assertThat(SafeText.escape("\\x1b")).isNotEqualTo(SafeText.escape("\u001b"));
    }

    @Test
    void bidiControlsAndInvisibleCharactersAreEscaped() {
        String[] invisible = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
                "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u2028", "\u2029"};
        for (String c : invisible) {
            String expected = String.format(c.charAt(0) <= 0xff ? "\\x%02x" : "\\u%04x", (int) c.charAt(0));
            assertThat(SafeText.escape("a" + c + "b")).as("U+%04X", (int) c.charAt(0)).isEqualTo("a" + expected + "b");
        }
        // A Unicode tag (U+E0041, invisible) and a lone surrogate, outside the basic plane's simple cases.
        assertThat(SafeText.escape("x\udb40\udc41y")).isEqualTo("x\\U000e0041y");
        assertThat(SafeText.escape("x\ud800y")).isEqualTo("x\\ud800y");
    }

    @Test
    void printableTextOfAnyScriptIsLeftAlone() {
        for (String text : new String[] {"vsphere.local", "Café Zürich", "日本語のドメイン", "ops@corp.local", "a b  c",
                "Straße", "😀", "CN=vc01,O=ACME", "\"quoted\" 'text' {json: [1, 2]}"}) {
            assertThat(SafeText.escape(text)).as(text).isSameAs(text);
        }
    }

    @Test
    void nullIsEmpty() {
        assertThat(SafeText.escape(null)).isEmpty();
    }

    @Test
    void theResultNeverHoldsACharacterThatNeedsEscaping() {
        StringBuilder every = new StringBuilder();
        for (int c = 0; c < 0x3000; c++) {
            every.appendCodePoint(c);
        }
        String escaped = SafeText.escape(every.toString());
        assertThat(escaped.codePoints().filter(SafeText::needsEscape).count()).isZero();
        assertThat(escaped.lines().count()).isEqualTo(1);
    }
}
