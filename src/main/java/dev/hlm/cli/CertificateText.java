package dev.hlm.cli;

import dev.hlm.tls.CertificateView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * A certificate as a person checks it before trusting it, the same way everywhere hlm shows one
 * ({@code hlm thumbprint}, the PSC and known-hosts confirmations): subject, issuer, names, validity, and
 * both thumbprints in vSphere's form (upper-case hex pairs joined by colons).
 */
public final class CertificateText {
    private CertificateText() {}

    public static void print(PrintWriter out, CertificateView view, String indent) {
        lines(view, Instant.now()).forEach(line -> out.println(indent + line));
        out.flush();
    }

    static List<String> lines(CertificateView view, Instant now) {
        String names = view.subjectAlternativeNames().isEmpty() ? "(none)" : String.join(", ", view.subjectAlternativeNames());
        String validity = view.notBefore() + " to " + view.notAfter()
                + (now.isAfter(view.notAfter()) ? "  (EXPIRED)" : now.isBefore(view.notBefore()) ? "  (NOT YET VALID)" : "");
        return List.of(
                "Subject:  " + view.subject(),
                "Issuer:   " + view.issuer(),
                "Names:    " + names,
                "Valid:    " + validity,
                "SHA-256:  " + view.sha256(),
                "SHA-1:    " + view.sha1());
    }

    /** y or yes, any case: anything else (including no answer) is no. */
    public static boolean yes(String answer) {
        if (answer == null) {
            return false;
        }
        String a = answer.strip().toLowerCase(java.util.Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }
}
