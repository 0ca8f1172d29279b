package dev.hlm.api;

/** {@code com.vmware.vcenter.hvc.links.summary}: one item of the link list; display name is the linked domain. */
public record Summary(String link, String displayName) {}
