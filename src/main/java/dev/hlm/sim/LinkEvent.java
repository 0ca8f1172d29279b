package dev.hlm.sim;

/**
 * One change the cloud vCenter made to its links, whether or not its answer reached the client: the ground
 * truth a test compares with what clients believe (see {@link Simulator#linkHistory()}).
 *
 * @param linkId the link's id
 * @param domainName the SSO domain it links
 */
public record LinkEvent(Kind kind, String linkId, String domainName) {
    public enum Kind {
        /** A create committed the link. */
        CREATED,
        /** An unlink removed it (a second unlink of the same id finds nothing and records nothing). */
        REMOVED
    }
}
