package dev.hlm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * {@code com.vmware.vcenter.hvc.links.summary}: one item of the link list; display name is the linked domain. Both
 * are required and never null: an answer without them is refused as PROTOCOL naming the field (T21).
 */
public record Summary(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) String link,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) String displayName) {}
