package dev.hlm.fleet;

import java.time.Duration;
import java.util.List;

/**
 * How apply ended on one target: every step made ({@code done}), or the step that failed and why.
 *
 * @param failedStep the step being made when it failed; null when the target could not even be read
 * @param error one line, never a secret; null when converged
 */
public record TargetReport(String target, boolean converged, List<String> done, String failedStep, String error,
                           Duration elapsed) {
    public TargetReport {
        done = List.copyOf(done);
    }
}
