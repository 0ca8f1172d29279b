package dev.hlm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * {@code com.vmware.vcenter.hvc.links.sync.providers.info}: a provider's sync state.
 *
 * @param lastSyncTime RFC 3339, absent when it never synced
 * @param currentSessionInfo absent when no session was started
 */
public record SyncProviderInfo(
        String lastSyncTime,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) SyncStatus status,
        long pollingIntervalInSeconds,
        SyncSessionInfo currentSessionInfo,
        LocalizableMessage statusMessage) {}
