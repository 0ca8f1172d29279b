package dev.hlm.cli.fleet;

import dev.hlm.client.SafeText;
import dev.hlm.fleet.ApplyListener;
import dev.hlm.fleet.TargetReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apply's progress as people see it: on a terminal a live table (target, step, elapsed) redrawn in place while
 * targets converge; elsewhere (scripts, logs, CI) one plain line per step and per finished target.
 */
final class ApplyProgress implements ApplyListener, AutoCloseable {
    private final PrintWriter out;
    private final boolean live;
    private final long start = System.nanoTime();
    /** Per target being applied: its current step and when it began; in the plan's order. */
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Thread redraw;
    private int drawnLines;
    private volatile boolean running = true;

    private static final class Row {
        String step = "waiting";
        long since = System.nanoTime();
        boolean finished;
    }

    ApplyProgress(PrintWriter out, boolean live, List<String> targets) {
        this.out = out;
        this.live = live;
        targets.forEach(t -> rows.put(t, new Row()));
        this.redraw = new Thread(() -> {
            while (running) {
                draw();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "hlm-apply-table");
        redraw.setDaemon(true);
        if (live) {
            redraw.start();
        }
    }

    @Override
    public void stepStarted(String target, String step) {
        synchronized (this) {
            Row row = rows.get(target);
            if (row == null) {
                return; // a target in sync: nothing to show
            }
            row.step = step;
            row.since = System.nanoTime();
            if (!live) {
                out.println(SafeText.escape(target) + ": " + SafeText.escape(step));
                out.flush();
            }
        }
    }

    @Override
    public void finished(TargetReport report) {
        synchronized (this) {
            Row row = rows.get(report.target());
            if (row == null) {
                return;
            }
            row.finished = true;
            row.step = report.converged() ? "converged" : "FAILED: " + report.error();
            if (!live) {
                out.println(SafeText.escape(report.target()) + ": " + SafeText.escape(row.step) + " ("
                        + seconds(report.elapsed()) + ")");
                out.flush();
            }
        }
    }

    /** Redraws the table over the last one: the cursor goes up as many lines as were drawn. */
    private synchronized void draw() {
        StringBuilder frame = new StringBuilder();
        if (drawnLines > 0) {
            frame.append("\033[").append(drawnLines).append('A');
        }
        int width = rows.keySet().stream().mapToInt(t -> SafeText.escape(t).length()).max().orElse(6);
        String format = "%-" + Math.max(6, width) + "s  %-8s  %s";
        frame.append("\033[2K").append(String.format(format, "TARGET", "ELAPSED", "STEP")).append('\n');
        long now = System.nanoTime();
        rows.forEach((target, row) -> frame.append("\033[2K").append(String.format(format, SafeText.escape(target),
                row.finished ? "done" : seconds(Duration.ofNanos(now - row.since)), SafeText.escape(row.step)))
                .append('\n'));
        drawnLines = rows.size() + 1;
        out.print(frame);
        out.flush();
    }

    private static String seconds(Duration d) {
        return String.format("%.1fs", d.toMillis() / 1000.0);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Stops redrawing, after one last frame that shows how every target ended. */
    @Override
    public void close() {
        running = false;
        if (live) {
            redraw.interrupt();
            try {
                redraw.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            draw();
        }
    }
}
