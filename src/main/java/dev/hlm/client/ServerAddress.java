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
        String shown = name + " " + HostNames.quote(s);
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
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException(shown + " holds a user name; use --username instead");
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

    /** Why the URI grammar found no host in {@code authority}, as precisely as the host-name rule can say. */
    private static String whyNoHost(String authority, String name, String shown) {
        if (authority == null || authority.contains("@") || authority.startsWith("[")) {
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
