package dev.hlm.tls;

import java.net.InetAddress;
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
 */
public final class HostNames {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

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
}
