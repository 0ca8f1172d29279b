package dev.hlm.cli;

import dev.hlm.client.HlmClient;
import dev.hlm.client.SafeText;
import dev.hlm.client.ServerAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
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
    private volatile Map<String, String> env;
    private volatile dev.hlm.fleet.FleetTarget namedTarget;
    private final InputStream stdin;
    private final Terminal terminal;
    private PrintWriter out;
    private PrintWriter err;
    private volatile Spinner spinner;
    private volatile boolean interrupted;
    private final List<AutoCloseable> openClients = new CopyOnWriteArrayList<>();
    private volatile String program = "hlm";

    public CliContext(Map<String, String> env, InputStream stdin, Terminal terminal) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
        this.terminal = terminal;
    }

    void writers(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs against a named target ({@code --target}): its environment replaces this one, before the command line
     * is parsed, and its entry is kept for what no variable carries ({@link #namedTarget}); the
     * rest of the context (its clients to close on exit, its interruption) stays the one the signal handler knows.
     */
    void useTarget(dev.hlm.cli.fleet.NamedTarget.Chosen chosen) {
        this.env = Map.copyOf(chosen.env());
        this.namedTarget = chosen.target();
    }

    /**
     * How the user starts hlm, for the commands hlm suggests: {@code hlm} (on the PATH, the default), or the
     * path the launcher was run by ({@code ./hlm} in a checkout), which it passes as {@code -Dhlm.program}.
     */
    public String program() {
        return program;
    }

    void program(String name) {
        if (name != null && !name.isBlank()) {
            this.program = name;
        }
    }

    public Map<String, String> env() {
        return env;
    }

    /** The fleet target the command runs against ({@code --target}), if one is named. */
    public java.util.Optional<dev.hlm.fleet.FleetTarget> namedTarget() {
        return java.util.Optional.ofNullable(namedTarget);
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

    /**
     * The next line of standard input, for a secret (several may be piped, one per line): its bytes, the LF that
     * ends it included, at most {@code max} of them, so that {@code /dev/zero} on standard input is read no
     * further. Read byte by byte, so nothing of the next line is taken. Null at the end of input.
     */
    public synchronized byte[] readStdinSecretLine(int max) throws IOException {
        byte[] buffer = new byte[Math.min(max, 256)];
        int length = 0;
        int b = 0;
        while (length < max && (b = stdin.read()) != -1) {
            if (length == buffer.length) {
                byte[] bigger = Arrays.copyOf(buffer, Math.min(max, buffer.length * 2));
                Arrays.fill(buffer, (byte) 0);
                buffer = bigger;
            }
            buffer[length++] = (byte) b;
            if (b == '\n') {
                break;
            }
        }
        if (length == 0 && b == -1) {
            return null;
        }
        byte[] line = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, (byte) 0);
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
        printLine("hlm: warning: " + SafeText.escape(message));
    }

    /** A note on stderr about what hlm does and why; escaped, as it may quote a server. */
    public void note(String message) {
        printLine("hlm: note: " + SafeText.escape(message));
    }

    /** One line on stderr, on a line of its own: a spinner being drawn is erased first, and redraws below. */
    private void printLine(String line) {
        synchronized (err) {
            Spinner shown = spinner;
            if (shown != null) {
                shown.erase();
            }
            err.println(line);
            err.flush();
        }
    }

    /** A signal stops the command ({@link Interruption}): failures that follow from it are not reported. */
    void interrupted() {
        interrupted = true;
    }

    boolean isInterrupted() {
        return interrupted;
    }

    /** The spinner on stderr now, so that a line printed meanwhile erases it first ({@link Spinner#start}). */
    void spinning(Spinner shown) {
        spinner = shown;
    }

    /** Stops the spinner, if one turns, and erases it: before a command's result, or its interruption. */
    void stopSpinner() {
        Spinner shown = spinner;
        if (shown != null) {
            shown.close();
        }
    }
}
