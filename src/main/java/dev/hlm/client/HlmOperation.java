package dev.hlm.client;

/**
 * The HLM operations a server may offer, by their vAPI names (docs/decisions.md B.1). Which ones a server has
 * follows from its version (decision D7) and the flavor spoken: see {@link ServerInfo#operations()}.
 */
public enum HlmOperation {
    LINK_CREATE("links.create", null),
    /** Create with {@code ssl_certificate} (PEM) in the spec: vSphere 9.0 and later. */
    LINK_CREATE_WITH_CERTIFICATE("links.create.ssl_certificate", "a PSC certificate in the create spec "
            + "(ssl_certificate) needs vSphere 9.0 or later"),
    LINK_LIST("links.list", null),
    /** Health: vSphere 8.0U1 and later. */
    LINK_GET("links.get", "link health (get) needs vSphere 8.0 Update 1 or later"),
    /** {@code DELETE}: the unlink started from a Cloud Gateway. */
    LINK_DELETE("links.delete", null),
    /**
     * {@code POST ?action=delete} with on-prem credentials, the unlink started from a cloud vCenter: vSphere
     * 8.0U1 and later, {@code /api} only, not on a Cloud Gateway.
     */
    LINK_DELETE_WITH_CREDENTIALS("links.delete_with_credentials", "unlinking with on-prem credentials needs a "
            + "cloud vCenter (not a Cloud Gateway) of vSphere 8.0 Update 1 or later, over /api"),
    /**
     * The preview sync API (reset, providers, start): vSphere 6.7 up to 8.0 GA; 8.0 Update 1 removed it
     * (docs/decisions.md B.8).
     */
    LINK_SYNC("links.sync", "the sync API (link sync) exists only before vSphere 8.0 Update 1"),
    ADMINISTRATORS_GET("administrators.get", null),
    ADMINISTRATORS_SET("administrators.set", null),
    ADMINISTRATORS_ADD("administrators.add", null),
    ADMINISTRATORS_REMOVE("administrators.remove", null);

    private final String label;
    private final String needs;

    HlmOperation(String label, String needs) {
        this.label = label;
        this.needs = needs;
    }

    /**
     * What a server needs to offer the operation, as a refusal says it: "link health (get) needs vSphere 8.0
     * Update 1 or later"; for what every server with the HLM API offers, a sentence that says so.
     */
    public String needs() {
        return needs != null ? needs : label + " is offered by every release with the HLM API";
    }

    /** The vAPI name, e.g. {@code links.get}: stable, for JSON output. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
