package dev.hlm.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code sync.providers.status}: how a provider's last sync ended. Open enum, as {@link HealthStatus}. */
public enum SyncStatus {
    SUCCEEDED,
    FAILED,
    NO_SYNC_FOUND,
    @JsonEnumDefaultValue
    UNKNOWN
}
