package dev.hlm.api;

/**
 * The two shapes of the same API. {@code /api} (vSphere 7.0U2 and later) sends bare bodies and answers
 * 201/204; the legacy {@code /rest} (6.7 on, deprecated in 7.0U2) wraps requests in a parameter object
 * ({@code {"spec": ...}}) and answers ({@code {"value": ...}}), with 200 for everything.
 */
public enum Flavor {
    API("/api", "/api/session"),
    REST("/rest", "/rest/com/vmware/cis/session");

    private final String prefix;
    private final String sessionPath;

    Flavor(String prefix, String sessionPath) {
        this.prefix = prefix;
        this.sessionPath = sessionPath;
    }

    /** The path prefix every resource path of this flavor starts with. */
    public String prefix() {
        return prefix;
    }

    /** Login (POST), who-am-I and logout (DELETE) of this flavor. */
    public String sessionPath() {
        return sessionPath;
    }

    /** A resource path such as {@link Paths#LINKS} under this flavor's prefix. */
    public String path(String resource) {
        return prefix + resource;
    }

    public String label() {
        return prefix;
    }
}
