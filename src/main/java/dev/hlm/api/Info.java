package dev.hlm.api;

/**
 * {@code com.vmware.vcenter.hvc.links.info} (vSphere 8.0U1 and later): the health of a link. The message is
 * present only when the status is UNHEALTHY.
 */
public record Info(HealthStatus connectionHealthStatus, LocalizableMessage healthStatusMessage) {}
