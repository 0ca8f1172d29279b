package dev.hlm.sim;

import dev.hlm.api.Flavor;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A received request, parsed once: method, flavor, the path below the flavor's prefix as decoded segments,
 * the query, lower-case headers and the body text.
 *
 * @param flavor null when the path is under neither {@code /api} nor {@code /rest}
 * @param segments the decoded path segments below the flavor prefix (or of the whole path without one)
 */
record SimRequest(
        String method,
        Flavor flavor,
        List<String> segments,
        Map<String, String> query,
        Map<String, List<String>> headers,
        String body) {

    static SimRequest parse(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            String body) {
        Flavor flavor = null;
        String rest = rawPath == null ? "" : rawPath;
        for (Flavor f : Flavor.values()) {
            if (rest.equals(f.prefix()) || rest.startsWith(f.prefix() + "/")) {
                flavor = f;
                rest = rest.substring(f.prefix().length());
                break;
            }
        }
        return new SimRequest(method.toUpperCase(Locale.ROOT), flavor, segments(rest), query(rawQuery),
                headers, body);
    }

    /** Segments of {@code /a/b%20c} are [a, b c]; an empty segment (as in {@code /a//b} or a trailing slash) is kept. */
    private static List<String> segments(String path) {
        List<String> result = new ArrayList<>();
        if (path.isEmpty()) {
            return result;
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        for (String s : trimmed.split("/", -1)) {
            result.add(decode(s));
        }
        return result;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> result = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            result.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return result;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // malformed escapes: match literally, which then finds no route
        }
    }

    /**
     * The operation selector: {@code ?action=} for the HVC operations in both flavors; {@code ?~action=} only for
     * the legacy session's who-am-I ({@code /rest/com/vmware/cis/session?~action=get}), as on a vCenter.
     */
    Optional<String> action() {
        String action = query.get("action");
        if (action == null && flavor == Flavor.REST && segments.equals(LEGACY_SESSION)) {
            action = query.get("~action");
        }
        return Optional.ofNullable(action);
    }

    /** [com, vmware, cis, session]: the legacy session path below its flavor's prefix, from the one constant. */
    private static final List<String> LEGACY_SESSION =
            segments(Flavor.REST.sessionPath().substring(Flavor.REST.prefix().length()));

    Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    Optional<String> cookie(String name) {
        List<String> values = headers.getOrDefault("cookie", List.of());
        for (String header : values) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                    return Optional.of(part.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    /** User and password of a Basic {@code Authorization} header. */
    Optional<BasicCredentials> basicCredentials() {
        Optional<String> header = header("authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new BasicCredentials(decoded.substring(0, colon),
                            decoded.substring(colon + 1).toCharArray()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    record BasicCredentials(String user, char[] password) {
        @Override
        public String toString() {
            return "BasicCredentials[" + user + ", ***]";
        }
    }

    @Override
    public String toString() {
        return "SimRequest[" + method + " " + flavor + " " + segments + "]";
    }
}
