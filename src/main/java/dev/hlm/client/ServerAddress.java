package dev.hlm.client;

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
        String host = server.getHost();
        return host + ":" + (server.getPort() == -1 ? 443 : server.getPort());
    }

    /**
     * @return {@code https://host[:port]} with no path
     * @throws IllegalArgumentException with a one-line reason
     */
    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("server is empty");
        }
        String s = text.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            throw new IllegalArgumentException("server '" + s + "' uses http://; vCenter's API is HTTPS only: use https:// or just the host");
        }
        if (lower.contains("://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException("server '" + s + "' has an unsupported scheme; give a host, host:port or https://host");
        }
        if (!lower.startsWith("https://")) {
            s = "https://" + s;
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("server '" + text.trim() + "' is not a host, host:port or https URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("server '" + text.trim() + "' has no valid host name");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("server '" + text.trim() + "' holds a user name; use --username instead");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("server '" + text.trim() + "' has a path; give only the host and port (hlm adds /api or /rest)");
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException("server '" + text.trim() + "' has port " + port + "; ports are 1 to 65535");
        }
        try {
            return new URI("https", null, uri.getHost(), port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("server '" + text.trim() + "' is not a valid address");
        }
    }
}
