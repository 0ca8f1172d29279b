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
    private final PrintWriter err;
    private volatile boolean running = true;

    private Spinner(PrintWriter err, String label) {
        this.err = err;
        Instant start = Instant.now();
        thread = new Thread(() -> {
            int frame = 0;
            while (running) {
                long seconds = Duration.between(start, Instant.now()).toSeconds();
                synchronized (err) {
                    err.print("\r" + FRAMES[frame++ % FRAMES.length] + " " + label + " " + seconds + "s ");
                    err.flush();
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
        Spinner s = new Spinner(ctx.err(), label);
        if (ctx.terminal().isInteractive()) {
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
        // Erase the spinner's line so the next output starts clean.
        synchronized (err) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
