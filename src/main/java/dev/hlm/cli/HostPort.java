package dev.hlm.cli;

import dev.hlm.api.Paths;
import dev.hlm.tls.HostNames;
import java.util.Locale;

/**
 * {@code HOST[:PORT]} as a person types it: a name or IPv4 address, an IPv6 address in brackets
 * ({@code [::1]:443}), or an {@code https://} URL without a path. The port is 443 unless given.
 */
record HostPort(String host, int port) {
    /** @throws IllegalArgumentException with a one-line reason */
    static HostPort parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.toLowerCase(Locale.ROOT).startsWith("https://")) {
            s = s.substring("https://".length());
            if (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no host given");
        }
        String host;
        String port;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException(HostNames.quote(text) + " opens a bracket it does not close");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException(HostNames.quote(text) + " is not HOST[:PORT]");
            }
            port = rest.isEmpty() ? null : rest.substring(1);
            if (host.indexOf(':') < 0 || HostNames.problem(host) != null) {
                throw new IllegalArgumentException(HostNames.quote(host) + " in brackets is not an IPv6 address");
            }
        } else {
            int colon = s.indexOf(':');
            if (colon != s.lastIndexOf(':')) {
                throw new IllegalArgumentException(HostNames.quote(text) + ": put an IPv6 address in brackets, e.g. [::1]:443");
            }
            host = colon < 0 ? s : s.substring(0, colon);
            port = colon < 0 ? null : s.substring(colon + 1);
            String problem = HostNames.problem(host);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        return new HostPort(host, port == null ? Paths.HTTPS_PORT : port(port, text));
    }

    private static int port(String digits, String text) {
        if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            throw new IllegalArgumentException(HostNames.quote(text) + " has port '" + digits + "'; ports are 1 to 65535");
        }
        return Integer.parseInt(digits);
    }

    /** {@code host:port}, an IPv6 address in brackets. */
    String display() {
        return HostNames.hostPort(host, port);
    }
}
