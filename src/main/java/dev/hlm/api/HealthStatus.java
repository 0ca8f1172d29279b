package dev.hlm.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code links.info.health_status}. Open enum: values a newer server adds read as {@link #UNKNOWN}. */
public enum HealthStatus {
    HEALTHY,
    UNHEALTHY,
    @JsonEnumDefaultValue
    UNKNOWN
}
