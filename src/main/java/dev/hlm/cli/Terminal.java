package dev.hlm.cli;

import java.io.Console;

/**
 * The interactive side of a run: whether a person is at a terminal, and reading a secret without echo.
 * Tests supply their own; {@link #system()} is the real console.
 */
public interface Terminal {
    /** True when a person can answer prompts (stdin and stdout are a terminal). */
    boolean isInteractive();

    /** Reads a line without echo; null at end of input. Only called when interactive. */
    char[] readSecret(String prompt);

    /** Reads a line with echo; null at end of input. Only called when interactive. */
    String readLine(String prompt);

    static Terminal system() {
        return new Terminal() {
            @Override
            public boolean isInteractive() {
                return System.console() != null;
            }

            @Override
            public char[] readSecret(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readPassword("%s", prompt);
            }

            @Override
            public String readLine(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readLine("%s", prompt);
            }
        };
    }

    /** No person present: every prompt is refused by the caller before it is asked. */
    static Terminal none() {
        return new Terminal() {
            @Override
            public boolean isInteractive() {
                return false;
            }

            @Override
            public char[] readSecret(String prompt) {
                return null;
            }

            @Override
            public String readLine(String prompt) {
                return null;
            }
        };
    }
}
