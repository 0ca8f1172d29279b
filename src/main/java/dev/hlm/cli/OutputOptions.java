package dev.hlm.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.hlm.api.Json;
import dev.hlm.client.SafeText;
import picocli.CommandLine.Option;

/** {@code --json}: print the API records instead of text, for scripts. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print JSON (the API's records) instead of text")
    boolean json;

    public boolean json() {
        return json;
    }

    /** Prints {@code value} as pretty JSON. */
    public void printJson(CliContext ctx, Object value) {
        ctx.out().println(toJson(value));
        ctx.out().flush();
    }

    /**
     * Pretty JSON for the terminal or a script: exact JSON, whose strings carry a server's text unchanged,
     * but with every character {@link SafeText} escapes written as a JSON escape ({@code \}{@code u202e}), so
     * a parser reads the same value and a person who prints it sees nothing move or vanish.
     */
    static String toJson(Object value) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().with(TerminalSafeEscapes.INSTANCE).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** JSON's own escapes for controls (Jackson's default), and DEL, C1 and invisible characters too. */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        static final TerminalSafeEscapes INSTANCE = new TerminalSafeEscapes();
        private final int[] ascii = standardAsciiEscapesForJSON();

        private TerminalSafeEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        /** Called per UTF-16 unit: a surrogate half is escaped too, which JSON reads back as the same code point. */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            return SafeText.needsEscape(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
