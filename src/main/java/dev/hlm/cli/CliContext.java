package dev.hlm.cli;

import dev.hlm.client.HlmClient;
import dev.hlm.client.SafeText;
import dev.hlm.client.ServerAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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
    private final List<AutoCloseable> openClients = new CopyOnWriteArrayList<>();

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

    /**
     * The next line of standard input as characters, for a secret: no String copy of it is made, so the
     * caller can clear it. Null at the end of input.
     */
    public synchronized char[] readStdinSecret() throws IOException {
        if (stdinLines == null) {
            stdinLines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        }
        char[] buffer = new char[64];
        int length = 0;
        int c = stdinLines.read();
        if (c == -1) {
            return null;
        }
        while (c != -1 && c != '\n') {
            if (length == buffer.length) {
                char[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
                Arrays.fill(buffer, '\0');
                buffer = bigger;
            }
            buffer[length++] = (char) c;
            c = stdinLines.read();
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        char[] line = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return line;
    }

    /** Closes {@code client} at exit if the command has not: on Ctrl-C or SIGTERM (see {@link Main#main}). */
    public <T extends AutoCloseable> T closeOnExit(T client) {
        openClients.add(client);
        return client;
    }

    /** What {@link #closeAll} did: how many clients, and the servers whose logout was not confirmed. */
    record Closed(int clients, int loggedOut, List<String> unconfirmed) {}

    /** Closes (logs out) every client handed to {@link #closeOnExit}, and says how that went. */
    Closed closeAll() {
        int loggedOut = 0;
        List<String> unconfirmed = new ArrayList<>();
        for (AutoCloseable client : openClients) {
            try {
                client.close();
            } catch (Exception e) {
                // Best effort on the way out: the session also ends on the server's idle timeout.
            }
            if (client instanceof HlmClient hlm) {
                switch (hlm.sessionEnd()) {
                    case LOGGED_OUT -> loggedOut++;
                    case UNCONFIRMED -> unconfirmed.add(ServerAddress.display(hlm.server()));
                    case NONE -> { }
                }
            }
        }
        return new Closed(openClients.size(), loggedOut, unconfirmed);
    }

    /** A warning on stderr, prefixed so it is never mistaken for output; escaped, as it may quote a server. */
    public void warn(String message) {
        err.println("hlm: warning: " + SafeText.escape(message));
        err.flush();
    }

    /** A note on stderr about what hlm does and why; escaped, as it may quote a server. */
    public void note(String message) {
        err.println("hlm: note: " + SafeText.escape(message));
        err.flush();
    }
}
