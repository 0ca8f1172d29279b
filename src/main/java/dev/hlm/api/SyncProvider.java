package dev.hlm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * {@code com.vmware.vcenter.hvc.links.sync.providers.summary}: one item of a link's sync providers (the preview
 * sync API of 6.7 to 8.0 GA, docs/decisions.md B.8).
 */
public record SyncProvider(@JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) String provider) {}
