package dev.hlm.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows that a long call is alive: a turning mark and the elapsed seconds on stderr, redrawn in place.
 * Only on a terminal; in scripts and logs it writes nothing.
 */
public final class Spinner implements AutoCloseable {
    private static final char[] FRAMES = {'|', '/', '-', '\\'};

    private final Thread thread;
    private final CliContext ctx;
    private final PrintWriter err;
    private volatile boolean running = true;
    /** True while the spinner's text stands on the line: a line printed now must erase it first. */
    private boolean drawn;

    private Spinner(CliContext ctx, String label) {
        this.ctx = ctx;
        this.err = ctx.err();
        Instant start = Instant.now();
        thread = new Thread(() -> {
            int frame = 0;
            while (running) {
                long seconds = Duration.between(start, Instant.now()).toSeconds();
                synchronized (err) {
                    if (!running) {
                        return;
                    }
                    err.print("\r" + FRAMES[frame++ % FRAMES.length] + " " + label + " " + seconds + "s ");
                    err.flush();
                    drawn = true;
                }
                try {
                    Thread.sleep(125);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "hlm-spinner");
        thread.setDaemon(true);
    }

    /** A spinner that runs only when a person is watching. */
    public static Spinner start(CliContext ctx, String label) {
        Spinner s = new Spinner(ctx, label);
        if (ctx.terminal().isInteractive()) {
            ctx.spinning(s);
            s.thread.start();
        } else {
            s.running = false;
        }
        return s;
    }

    @Override
    public void close() {
        if (!thread.isAlive() && !running) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ctx.spinning(null);
        // Erase the spinner's line so the next output starts clean.
        synchronized (err) {
            drawn = true;
            erase();
        }
    }

    /** Erases the spinner's text, if it stands on the line; the caller holds the lock on stderr. */
    void erase() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }
}
