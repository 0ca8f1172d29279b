package dev.hlm.client;

/**
 * The HLM operations a server may offer, by their vAPI names (docs/decisions.md B.1). Which ones a server has
 * follows from its version (decision D7) and the flavor spoken: see {@link ServerInfo#operations()}.
 */
public enum HlmOperation {
    LINK_CREATE("links.create"),
    /** Create with {@code ssl_certificate} (PEM) in the spec: vSphere 9.0 and later. */
    LINK_CREATE_WITH_CERTIFICATE("links.create.ssl_certificate"),
    LINK_LIST("links.list"),
    /** Health: vSphere 8.0U1 and later. */
    LINK_GET("links.get"),
    /** {@code DELETE}: the unlink started from a Cloud Gateway. */
    LINK_DELETE("links.delete"),
    /**
     * {@code POST ?action=delete} with on-prem credentials, the unlink started from a cloud vCenter: vSphere
     * 8.0U1 and later, {@code /api} only, not on a Cloud Gateway.
     */
    LINK_DELETE_WITH_CREDENTIALS("links.delete_with_credentials"),
    ADMINISTRATORS_GET("administrators.get"),
    ADMINISTRATORS_SET("administrators.set"),
    ADMINISTRATORS_ADD("administrators.add"),
    ADMINISTRATORS_REMOVE("administrators.remove");

    private final String label;

    HlmOperation(String label) {
        this.label = label;
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
