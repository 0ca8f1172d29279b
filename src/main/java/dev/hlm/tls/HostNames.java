package dev.hlm.tls;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a certificate is issued for a host name, by the rules of RFC 6125 as browsers apply them: an IP
 * address must be an IP subject alternative name; a DNS name must match a DNS alternative name, where
 * {@code *} may stand for the whole left-most label; the common name counts only when there are no DNS
 * alternative names. Used to tell a user their PSC's certificate names another host, before linking.
 *
 * <p>Also the one rule for what a host may be before anything is sent to it or about it ({@link #problem}):
 * the vCenter ({@code --server}), the PSC ({@code --psc-hostname}), {@code hlm thumbprint}'s target, and, for
 * SSO domain names, the same rule without addresses ({@link #domainProblem}).
 */
public final class HostNames {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private HostNames() {}

    public static boolean matches(X509Certificate certificate, String host) {
        String wanted = host.trim().toLowerCase(Locale.ROOT);
        if (wanted.startsWith("[") && wanted.endsWith("]")) {
            wanted = wanted.substring(1, wanted.length() - 1);
        }
        if (isIpLiteral(wanted)) {
            InetAddress address = literal(wanted);
            return address != null && names(certificate, 7).stream().map(HostNames::literal)
                    .anyMatch(address::equals);
        }
        List<String> dns = names(certificate, 2);
        if (dns.isEmpty()) {
            String cn = commonName(certificate);
            return cn != null && dnsMatches(cn, wanted);
        }
        String name = wanted;
        return dns.stream().anyMatch(pattern -> dnsMatches(pattern, name));
    }

    /** The names a certificate is issued for, as a person reads them: its DNS and IP alternative names, else its CN. */
    public static List<String> issuedFor(X509Certificate certificate) {
        List<String> all = new ArrayList<>(names(certificate, 2));
        all.addAll(names(certificate, 7));
        if (all.isEmpty() && commonName(certificate) != null) {
            all.add(commonName(certificate));
        }
        return all;
    }

    public static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
    }

    private static boolean dnsMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        String h = host.replaceAll("\\.$", "");
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }

    /** Parses an IP literal without any name lookup; null when it is not one. */
    private static InetAddress literal(String text) {
        if (!isIpLiteral(text)) {
            return null;
        }
        try {
            return InetAddress.getByName(text); // a literal: no DNS query is made
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Alternative names of one kind: 2 DNS, 7 IP (RFC 5280). */
    private static List<String> names(X509Certificate certificate, int kind) {
        List<String> result = new ArrayList<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if ((Integer) san.get(0) == kind && san.get(1) instanceof String value) {
                        result.add(value);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unreadable extension names nothing.
        }
        return result;
    }

    private static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }

    /**
     * Why {@code host} is not a host a client may connect to, quoting it (shortened when long); null when it
     * is one: a DNS name of labels of 1 to 63 letters, digits and hyphens, no label beginning or ending with a
     * hyphen, 253 characters at most (RFC 1035, RFC 1123; one final dot allowed), an IPv4 address, or an
     * IPv6 address without brackets (brackets and ports belong to the caller's syntax, a URL's or
     * {@code host:port}). Checked without any name lookup. The reason is raw text: what prints it escapes it.
     */
    public static String problem(String host) {
        return problem(host, "a host name");
    }

    /** Why {@code name} is not an SSO domain name ({@code vsphere.local}): a host name's rule, but no address. */
    public static String domainProblem(String name) {
        String problem = problem(name, "a domain name");
        return problem == null && isIpLiteral(name) ? quote(name) + " is an IP address, not a domain name" : problem;
    }

    /** @param kind what the reason calls a name, {@code a host name} or {@code a domain name} */
    private static String problem(String host, String kind) {
        String shown = quote(host);
        if (host.isEmpty()) {
            return shown + " is empty";
        }
        if (host.indexOf(':') != host.lastIndexOf(':')) {
            // Two colons or more: only an IPv6 address has them (a port is the caller's to split off).
            return IPV6_CHARACTERS.matcher(host).matches() && isIpv6(host) ? null : shown + " is not an IPv6 address";
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.length() > MAX_NAME) {
            return shown + " is longer than " + kind + " can be (" + MAX_NAME + " characters)";
        }
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            int c = name.codePointAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.'))) {
                return shown + " contains '" + Character.toString(c)
                        + "', which " + kind + " cannot hold (letters, digits, '-' and '.' only)";
            }
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                return shown + " has an empty label (two dots in a row, or a dot first)";
            }
            if (label.length() > MAX_LABEL) {
                return shown + " has a label of " + label.length() + " characters; a label has at most " + MAX_LABEL;
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return shown + " has a label that begins or ends with '-'";
            }
        }
        if (DIGITS.matcher(labels[labels.length - 1]).matches()) {
            // No top-level domain is all digits (RFC 3696): this is meant as an address.
            if (!IPV4.matcher(name).matches()) {
                return shown + " is neither an IPv4 address (four numbers) nor " + kind + " (its last label is all digits)";
            }
            for (String part : labels) {
                if (Integer.parseInt(part) > 255) {
                    return shown + " is not an IPv4 address: each of its four numbers is 0 to 255";
                }
            }
        }
        return null;
    }

    /** {@code host:port} as messages and known hosts show it: an IPv6 literal in brackets. */
    public static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code 'text'}, or its first 80 characters and its length when it is longer than 100: one readable line. */
    public static String quote(String text) {
        return text.length() <= 100 ? "'" + text + "'"
                : "'" + text.substring(0, 80) + "...' (" + text.length() + " characters)";
    }

    /** An IPv6 address, by java.net.URI's strict grammar, which never looks a name up. */
    private static boolean isIpv6(String host) {
        try {
            return new URI("https://[" + host + "]/").getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
