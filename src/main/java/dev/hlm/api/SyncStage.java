package dev.hlm.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code sync.providers.session_info.stage}: where a sync session is. Open enum, as {@link HealthStatus}. */
public enum SyncStage {
    CHANGE_DETECTION,
    CHANGE_ENUMERATION,
    CHANGE_APPLICATION,
    COMPLETED,
    FAILED,
    WAITING,
    @JsonEnumDefaultValue
    UNKNOWN
}
