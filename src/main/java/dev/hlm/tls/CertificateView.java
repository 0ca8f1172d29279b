package dev.hlm.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a person checks before trusting a certificate: subject, issuer, names, validity and both
 * thumbprints in vSphere's format. Also the record printed by {@code --json}.
 */
public record CertificateView(
        String subject,
        String issuer,
        List<String> subjectAlternativeNames,
        Instant notBefore,
        Instant notAfter,
        String sha256,
        String sha1) {

    public static CertificateView of(X509Certificate c) {
        return new CertificateView(
                c.getSubjectX500Principal().getName(),
                c.getIssuerX500Principal().getName(),
                alternativeNames(c),
                c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(),
                Thumbprint.sha256(c).toString(),
                Thumbprint.sha1(c).toString());
    }

    private static List<String> alternativeNames(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int kind = (Integer) san.get(0);
                    // otherName, x400Address and ediPartyName come as their DER bytes: shown as hex, not as an array.
                    Object value = san.get(1);
                    names.add(label(kind) + (value instanceof byte[] der ? hex(der) : String.valueOf(value)));
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable)");
        }
        return names;
    }

    /** DER bytes as colon-separated hex, the first 64 bytes (a name a person checks is far shorter). */
    private static String hex(byte[] der) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(der.length, 64); i++) {
            text.append(i == 0 ? "" : ":").append(String.format("%02X", der[i] & 0xff));
        }
        return der.length > 64 ? text + ":... (" + der.length + " bytes)" : text.toString();
    }

    /** The general name's kind as OpenSSL names it (RFC 5280 4.2.1.6). */
    private static String label(int kind) {
        return switch (kind) {
            case 0 -> "otherName:";
            case 1 -> "email:";
            case 2 -> "DNS:";
            case 3 -> "X400Name:";
            case 4 -> "DirName:";
            case 5 -> "EdiPartyName:";
            case 6 -> "URI:";
            case 7 -> "IP:";
            case 8 -> "Registered ID:";
            default -> "other:";
        };
    }
}
