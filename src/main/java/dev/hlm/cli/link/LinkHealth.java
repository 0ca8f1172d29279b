package dev.hlm.cli.link;

import dev.hlm.api.HealthStatus;
import dev.hlm.api.Info;
import dev.hlm.api.Summary;

/**
 * One row of {@code hlm link status}, and its {@code --json} record.
 *
 * @param health HEALTHY or UNHEALTHY as the vCenter says; UNKNOWN for a value newer than hlm; UNAVAILABLE
 *     when the vCenter has no link health (before vSphere 8.0 Update 1)
 * @param message the vCenter's reason when UNHEALTHY, or why the health is not known
 */
public record LinkHealth(String link, String displayName, String health, String message) {
    public static final String UNAVAILABLE = "UNAVAILABLE";

    static LinkHealth of(Summary link, Info info) {
        HealthStatus status = info.connectionHealthStatus() == null ? HealthStatus.UNKNOWN : info.connectionHealthStatus();
        String message = info.healthStatusMessage() == null ? null : info.healthStatusMessage().defaultMessage();
        return new LinkHealth(link.link(), link.displayName(), status.name(), message);
    }

    static LinkHealth unavailable(Summary link) {
        return new LinkHealth(link.link(), link.displayName(), UNAVAILABLE,
                "this vCenter reports no link health; that needs vSphere 8.0 Update 1 or later");
    }

    boolean healthy() {
        return HealthStatus.HEALTHY.name().equals(health);
    }

    boolean unhealthy() {
        return HealthStatus.UNHEALTHY.name().equals(health);
    }
}
