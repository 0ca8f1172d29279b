package dev.hlm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * {@code com.vmware.vcenter.hvc.links.info} (vSphere 8.0U1 and later): the health of a link. The message is
 * present only when the status is UNHEALTHY.
 */
public record Info(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) HealthStatus connectionHealthStatus,
        LocalizableMessage healthStatusMessage) {}
