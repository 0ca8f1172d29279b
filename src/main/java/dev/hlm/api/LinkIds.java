package dev.hlm.api;

/**
 * What a link id may be. Ids are opaque and go into the path percent-encoded as one segment ({@link Paths#link}),
 * but percent-encoding leaves {@code .} and {@code ..} as they are, and a server (or a proxy) resolves those as
 * path steps: {@code DELETE /api/hvc/links/..} would name {@code /api/hvc}. So those two, and the empty id, are
 * never ids: hlm refuses them from the user and from a server alike (docs/security.md T22).
 */
public final class LinkIds {
    private LinkIds() {}

    /** Why {@code id} cannot be a link id, e.g. "'..' is a path step"; null when it can. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "is empty";
        }
        if (id.equals(".") || id.equals("..")) {
            return "'" + id + "' is a path step";
        }
        return null;
    }
}
