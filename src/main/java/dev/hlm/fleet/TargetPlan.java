package dev.hlm.fleet;

import java.util.List;

/**
 * What apply would do on one target, as read now: nothing, these steps, or nothing it can tell (the target could
 * not be read, or its state is one apply will not change on its own, such as another domain linked).
 *
 * @param linkedDomain the domain linked now, null when none (or unknown)
 * @param reason why the state cannot be told; null unless {@link Kind#UNKNOWN}
 */
public record TargetPlan(String target, Kind kind, List<Step> steps, String linkedDomain, String reason) {
    public enum Kind { IN_SYNC, CHANGES, UNKNOWN }

    public TargetPlan {
        steps = List.copyOf(steps);
    }

    static TargetPlan of(String target, List<Step> steps, String linkedDomain) {
        return new TargetPlan(target, steps.isEmpty() ? Kind.IN_SYNC : Kind.CHANGES, steps, linkedDomain, null);
    }

    static TargetPlan unknown(String target, String reason, String linkedDomain) {
        return new TargetPlan(target, Kind.UNKNOWN, List.of(), linkedDomain, reason);
    }
}
