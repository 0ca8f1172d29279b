package dev.hlm.client;

import dev.hlm.api.Paths;
import dev.hlm.tls.HostNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Reads what a user types for a server: {@code vc.example.com}, {@code vc.example.com:8443},
 * {@code https://vc.example.com[:port][/]} or an IPv6 literal in brackets. The API is HTTPS only, so
 * {@code http://} is refused rather than silently upgraded, and a path is refused because every HLM path
 * is fixed ({@code /api/...}, {@code /rest/...}).
 */
public final class ServerAddress {
    private ServerAddress() {}

    /** {@code host:port} of a parsed address, as messages show it: 443 when no port is given, IPv6 in brackets. */
    public static String display(URI server) {
        return server.getHost() + ":" + port(server);
    }

    /** The port of a parsed address: 443 when none is given. */
    public static int port(URI server) {
        return server.getPort() == -1 ? Paths.HTTPS_PORT : server.getPort();
    }

    /**
     * @return {@code https://host[:port]} with no path
     * @throws IllegalArgumentException with a one-line reason
     */
    public static URI parse(String text) {
        return parse(text, "server");
    }

    /**
     * @param name what the reason calls the address, e.g. {@code --server}
     * @return {@code https://host[:port]} with no path
     * @throws IllegalArgumentException with a one-line reason that starts with {@code name}
     */
    public static URI parse(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        String s = text.trim();
        int at = userInfoEnd(s);
        // Never shown: what comes before the @ may be a password (https://user:password@host).
        String shown = name + " " + HostNames.quote(at < 0 ? s : s.substring(0, schemeEnd(s)) + "***" + s.substring(at));
        if (at >= 0) {
            throw new IllegalArgumentException(shown + " holds a user name (and perhaps a password): give only the "
                    + "host, the user with --username, and never a password in the address");
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            throw new IllegalArgumentException(shown + " uses http://; vCenter's API is HTTPS only: use https:// or just the host");
        }
        if (lower.contains("://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException(shown + " has an unsupported scheme; give a host, host:port or https://host");
        }
        if (!lower.startsWith("https://")) {
            s = "https://" + s;
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(shown + " is not a host, host:port or https URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(whyNoHost(uri.getRawAuthority(), name, shown));
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(shown + " has a path; give only the host and port (hlm adds /api or /rest)");
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException(shown + " has port " + port + "; ports are 1 to 65535");
        }
        String host = uri.getHost();
        String problem = HostNames.problem(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        if (problem != null) {
            // The URI grammar lets through what no name server holds: a label of 70 characters, a name of 300.
            throw new IllegalArgumentException(name + " " + problem);
        }
        try {
            return new URI("https", null, uri.getHost(), port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(shown + " is not a valid address");
        }
    }

    /** Where the address's authority begins: after its scheme's {@code ://}, else 0. */
    private static int schemeEnd(String text) {
        int scheme = text.indexOf("://");
        return scheme < 0 ? 0 : scheme + 3;
    }

    /** The index of the @ that ends a user part of the authority (before any / ? #), or -1 when there is none. */
    private static int userInfoEnd(String text) {
        int start = schemeEnd(text);
        int end = start;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        int at = end == start ? -1 : text.lastIndexOf('@', end - 1);
        return at < start ? -1 : at;
    }

    /** Why the URI grammar found no host in {@code authority}, as precisely as the host-name rule can say. */
    private static String whyNoHost(String authority, String name, String shown) {
        if (authority == null || authority.startsWith("[")) {
            return shown + " has no valid host name";
        }
        int colon = authority.indexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        if (colon >= 0 && colon == authority.lastIndexOf(':') && !authority.substring(colon + 1).matches("\\d{1,5}")) {
            return shown + " has port '" + authority.substring(colon + 1) + "'; ports are 1 to 65535";
        }
        String problem = HostNames.problem(host);
        return problem != null ? name + " " + problem : shown + " has no valid host name";
    }
}
