package dev.hlm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * {@code sync.providers.session_info}: the current (or last) sync session of a provider.
 *
 * @param completionTime RFC 3339, absent while it runs
 * @param startTime RFC 3339
 */
public record SyncSessionInfo(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) SyncStage stage,
        long completedWork,
        long totalWork,
        String completionTime,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) String startTime,
        LocalizableMessage exception) {}
