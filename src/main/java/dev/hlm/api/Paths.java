package dev.hlm.api;

/**
 * Resource paths, relative to a {@link Flavor}'s prefix, and the header names both sides use.
 * The legacy paths are {@code /rest/hvc/...} (not {@code /rest/com/vmware/vcenter/hvc/...}), and actions
 * are {@code ?action=} in both flavors (docs/decisions.md B.1).
 */
public final class Paths {
    public static final String LINKS = "/hvc/links";
    public static final String ADMINISTRATORS = "/hvc/management/administrators";
    public static final String SYSTEM_VERSION = "/appliance/system/version";

    public static final String ACTION_DELETE = "delete";
    public static final String ACTION_ADD = "add";
    public static final String ACTION_REMOVE = "remove";
    /** The preview sync API (6.7 to 8.0 GA): restart every provider, start one. */
    public static final String ACTION_RESET = "reset";
    public static final String ACTION_START = "start";

    /** Session token header; the legacy login also sets a cookie of the same name (decision D4). */
    public static final String SESSION_HEADER = "vmware-api-session-id";
    public static final String SESSION_COOKIE = "vmware-api-session-id";

    /**
     * The port of every HTTPS address the API names without one: a server, a PSC ({@code psc_port} absent or
     * empty, decision D3).
     */
    public static final int HTTPS_PORT = 443;

    private Paths() {}

    /**
     * {@code /hvc/links/{link}} with the id percent-encoded as one segment: ids are opaque and may hold anything
     * but the path steps {@code .} and {@code ..} and nothing ({@link LinkIds}).
     *
     * @throws IllegalArgumentException for an id that would name another path
     */
    public static String link(String linkId) {
        String problem = LinkIds.problem(linkId);
        if (problem != null) {
            throw new IllegalArgumentException("link id " + problem + ", not an id");
        }
        return LINKS + "/" + segment(linkId);
    }

    /** One path segment: an opaque id percent-encoded. */
    private static String segment(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code /hvc/links/{link}/sync}: the link's sync (preview, 6.7 to 8.0 GA). */
    public static String sync(String linkId) {
        return link(linkId) + "/sync";
    }

    /** {@code /hvc/links/{link}/sync/providers}, or one provider's under it when {@code provider} is not null. */
    public static String syncProviders(String linkId, String provider) {
        String providers = sync(linkId) + "/providers";
        if (provider == null) {
            return providers;
        }
        String problem = LinkIds.problem(provider);
        if (problem != null) {
            throw new IllegalArgumentException("provider id " + problem + ", not an id");
        }
        return providers + "/" + segment(provider);
    }

    public static String withAction(String path, String action) {
        return path + "?action=" + action;
    }
}
