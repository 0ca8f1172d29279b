package dev.hlm.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a command may touch of the world: the environment, standard input, the terminal, and the output
 * writers. Handed to every command by {@link Main}'s factory, so nothing reads {@code System.*} directly.
 */
public final class CliContext {
    private final Map<String, String> env;
    private final InputStream stdin;
    private final Terminal terminal;
    private PrintWriter out;
    private PrintWriter err;
    private BufferedReader stdinLines;

    public CliContext(Map<String, String> env, InputStream stdin, Terminal terminal) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
        this.terminal = terminal;
    }

    void writers(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public Map<String, String> env() {
        return env;
    }

    public Terminal terminal() {
        return terminal;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Next line of standard input (several secrets may be piped, one per line); null at its end. */
    public synchronized String readStdinLine() throws IOException {
        if (stdinLines == null) {
            stdinLines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        }
        return stdinLines.readLine();
    }

    /** A warning on stderr, prefixed so it is never mistaken for output. */
    public void warn(String message) {
        err.println("hlm: warning: " + message);
        err.flush();
    }
}
