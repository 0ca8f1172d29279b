package dev.hlm.cli;

import dev.hlm.client.SafeText;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * What a real {@code hlm} process does on SIGINT (Ctrl-C), SIGTERM and SIGHUP while a command runs
 * (docs/security.md T16): it stops the spinner, logs out of every open session, says so (on stderr, and under
 * {@code --json} as the error record on stdout, which a script reads), and exits 128 + the signal's number.
 * A second signal while the logout still waits stops at once: the person at the keyboard decides. After
 * the command has ended a signal changes nothing. The JVM's own shutdown on these signals cannot tell one
 * signal from the next, nor hear a second; hence handlers ({@code sun.misc.Signal}, in every JDK since 1.4).
 * A signal the process was started with ignored stays ignored, as the JVM leaves it.
 */
final class Interruption {
    private enum State { RUNNING, STOPPING, FINISHED }

    private final CliContext ctx;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    /** {@code hlm sim} serves until Ctrl-C: that is its normal end, not an interruption to report. */
    private final boolean quiet;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);

    private Interruption(String[] args, CliContext ctx, PrintWriter out, PrintWriter err) {
        this.ctx = ctx;
        this.out = out;
        this.err = err;
        this.json = Arrays.asList(args).contains("--json");
        this.quiet = "sim".equals(Startup.Words.of(args).command());
    }

    static Interruption install(String[] args, CliContext ctx, PrintWriter out, PrintWriter err) {
        Interruption interruption = new Interruption(args, ctx, out, err);
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal signal = new Signal(name);
                Signal.handle(signal, interruption::heard);
            } catch (IllegalArgumentException e) {
                // Not a signal here, or one the JVM keeps for itself: its default stays.
            }
        }
        return interruption;
    }

    /**
     * The command ended by itself: a later signal changes nothing. False when a signal came first: then
     * the stopping thread exits the process, and the caller must not.
     */
    boolean finished() {
        return state.compareAndSet(State.RUNNING, State.FINISHED);
    }

    /** Runs on a thread of its own for each signal, so a second one is heard while the first still logs out. */
    private void heard(Signal signal) {
        int code = 128 + signal.getNumber();
        if (state.compareAndSet(State.RUNNING, State.STOPPING)) {
            stop(signal, code);
        } else if (state.get() == State.STOPPING) {
            synchronized (err) {
                err.println();
                err.println("hlm: INTERRUPTED: stopped at once (SIG" + signal.getName() + " again), without waiting for "
                        + "the logout: a session still open ends on its idle timeout");
                err.flush();
            }
            Runtime.getRuntime().halt(code);
        }
    }

    private void stop(Signal signal, int code) {
        ctx.interrupted();
        ctx.stopSpinner();
        CliContext.Closed closed = ctx.closeAll();
        if (!quiet) {
            String sessions = !closed.unconfirmed().isEmpty()
                    ? "; the logout was not confirmed by " + String.join(" and ", closed.unconfirmed())
                            + ", so the session there ends on its idle timeout"
                    : closed.clients() == 0 ? "" : closed.loggedOut() > 0 ? "; logged out" : "; no session was open";
            String message = "stopped before the command finished" + sessions;
            String hint = "a request already sent may still complete on the server: check with 'hlm link list'";
            synchronized (err) {
                err.println();
                err.println("hlm: INTERRUPTED: " + SafeText.escape(message));
                err.println("hint: " + hint);
                err.flush();
            }
            if (json) {
                Failures.printJson(out, "INTERRUPTED", message + " (SIG" + signal.getName() + ")", hint, code);
            }
        }
        out.flush();
        System.exit(code);
    }
}
