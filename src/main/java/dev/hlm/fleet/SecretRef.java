package dev.hlm.fleet;

import java.nio.file.Path;

/**
 * Where a fleet file's password comes from: never the file itself (decision D20). {@code env:VAR} reads the
 * environment variable VAR, {@code file:PATH} the password in a file (relative to the fleet file; one line, as
 * for {@code --password-file}), and {@code prompt} asks the person at the terminal.
 */
public sealed interface SecretRef {
    /** {@code env:VAR}. */
    record FromEnv(String variable) implements SecretRef {
        @Override
        public String toString() {
            return "env:" + variable;
        }
    }

    /** {@code file:PATH}, the path already resolved against the fleet file's directory. */
    record FromFile(Path file) implements SecretRef {
        @Override
        public String toString() {
            return "file:" + file;
        }
    }

    /** {@code prompt}. */
    record Prompt() implements SecretRef {
        @Override
        public String toString() {
            return "prompt";
        }
    }

    /**
     * The reference {@code text} names; anything else is refused with why, and never quoted: a value that is
     * no reference is most likely the password itself.
     *
     * @param base the fleet file's directory, for a relative {@code file:} path
     */
    static SecretRef parse(String text, Path base) {
        String t = text == null ? "" : text.trim();
        if (t.equals("prompt")) {
            return new Prompt();
        }
        if (t.startsWith("env:") && t.substring(4).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return new FromEnv(t.substring(4));
        }
        if (t.startsWith("file:") && t.length() > 5) {
            return new FromFile(base.resolve(t.substring(5)).normalize());
        }
        if (t.startsWith("env:")) {
            throw new IllegalArgumentException("env: needs a variable name of letters, digits and _");
        }
        throw new IllegalArgumentException("a password is never written in the fleet file, where anyone who reads "
                + "the file (or its history in version control) would learn it; give env:VARIABLE, file:PATH or prompt");
    }
}
