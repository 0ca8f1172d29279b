package dev.hlm.sim.fault;

import dev.hlm.api.Flavor;
import dev.hlm.api.Paths;
import java.util.List;
import java.util.Locale;

/**
 * The calls a fault can target, named as {@code hlm} names them. {@link #ADMIN} covers the four
 * {@code admin-*} routes and {@link #ANY} covers every call, including unknown paths ({@link #OTHER}).
 */
public enum FaultRoute {
    LOGIN, LOGOUT, CREATE, LIST, GET, DELETE, ADMIN_LIST, ADMIN_SET, ADMIN_ADD, ADMIN_REMOVE, ADMIN, VERSION,
    /** The preview sync API of 6.7 and 7.0.2: reset, the providers' list, one provider, start. */
    SYNC,
    /** Who-am-I, and paths that are not HLM routes. */
    OTHER,
    ANY;

    private static final List<String> LINKS = segments(Paths.LINKS);
    private static final List<String> ADMINISTRATORS = segments(Paths.ADMINISTRATORS);
    private static final List<String> VERSION_PATH = segments(Paths.SYSTEM_VERSION);
    private static final List<String> API_SESSION = sessionSegments(Flavor.API);
    private static final List<String> REST_SESSION = sessionSegments(Flavor.REST);

    /** The spec name: {@code admin-add}, {@code create}, ... */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a spec name; null when it names no route. */
    public static FaultRoute fromSpecName(String name) {
        for (FaultRoute route : values()) {
            if (route.specName().equals(name)) {
                return route;
            }
        }
        return null;
    }

    /** True when a fault on this route applies to a call classified as {@code call}. */
    public boolean covers(FaultRoute call) {
        return this == ANY || this == call
                || (this == ADMIN && (call == ADMIN_LIST || call == ADMIN_SET || call == ADMIN_ADD || call == ADMIN_REMOVE));
    }

    /**
     * Which route a request is, from its method, its decoded path segments below the flavor prefix, and its
     * {@code ?action=} (null for none).
     */
    public static FaultRoute classify(String method, List<String> segments, String action) {
        if (segments.equals(API_SESSION) || segments.equals(REST_SESSION)) {
            return switch (method) {
                case "POST" -> action == null ? LOGIN : OTHER;
                case "DELETE" -> LOGOUT;
                default -> OTHER;
            };
        }
        if (segments.equals(LINKS)) {
            return method.equals("POST") ? CREATE : method.equals("GET") ? LIST : OTHER;
        }
        if (segments.size() == LINKS.size() + 1 && segments.subList(0, LINKS.size()).equals(LINKS)) {
            return switch (method) {
                case "GET" -> GET;
                case "DELETE" -> DELETE;
                case "POST" -> Paths.ACTION_DELETE.equals(action) ? DELETE : OTHER;
                default -> OTHER;
            };
        }
        if (segments.size() > LINKS.size() + 1 && segments.subList(0, LINKS.size()).equals(LINKS)
                && segments.get(LINKS.size() + 1).equals("sync")) {
            return SYNC;
        }
        if (segments.equals(ADMINISTRATORS)) {
            return switch (method) {
                case "GET" -> ADMIN_LIST;
                case "PUT" -> ADMIN_SET;
                case "POST" -> Paths.ACTION_ADD.equals(action) ? ADMIN_ADD
                        : Paths.ACTION_REMOVE.equals(action) ? ADMIN_REMOVE : OTHER;
                default -> OTHER;
            };
        }
        return segments.equals(VERSION_PATH) ? VERSION : OTHER;
    }

    /** The flavor's session path below its prefix: [session], or [com, vmware, cis, session]. */
    private static List<String> sessionSegments(Flavor flavor) {
        return segments(flavor.sessionPath().substring(flavor.prefix().length()));
    }

    private static List<String> segments(String path) {
        return List.of(path.substring(1).split("/"));
    }
}
