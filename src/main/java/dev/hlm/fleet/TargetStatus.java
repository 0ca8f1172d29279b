package dev.hlm.fleet;

/**
 * The link health of one target, as {@code hlm status} reports it.
 *
 * @param linkedDomain the domain linked now, or null
 * @param detail the server's health message, or why the state is what it is; one line
 */
public record TargetStatus(String target, Health health, String linkedDomain, String detail) {
    public enum Health {
        /** Linked as the file says, and the PSC answers. */
        HEALTHY,
        /** Not linked as the file says, as the file wants ({@code state: unlinked}). */
        UNLINKED,
        /** Linked, but the link is UNHEALTHY; or not linked though the file says it should be; or another domain. */
        UNHEALTHY,
        /** Linked, and the release cannot tell its health (links.get needs 8.0U1). */
        UNKNOWN,
        /** The target could not be read. */
        UNREACHABLE,
        /** The target was not read: what the file gives for it does not resolve here (a password, a ca-cert file). */
        UNCHECKED
    }

    public boolean ok() {
        return health == Health.HEALTHY || health == Health.UNLINKED;
    }
}
