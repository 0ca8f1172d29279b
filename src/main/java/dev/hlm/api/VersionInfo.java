package dev.hlm.api;

/** {@code GET /api/appliance/system/version} (decision D15), served by the cloud vCenter and each PSC. */
public record VersionInfo(
        String version,
        String product,
        String build,
        String type,
        String summary,
        String releasedate,
        String installTime) {}
