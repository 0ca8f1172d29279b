package dev.hlm.cli;

import dev.hlm.client.SafeText;
import dev.hlm.tls.CertificateView;
import dev.hlm.tls.Thumbprint;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate as a person checks it before trusting it, the same way everywhere hlm shows one
 * ({@code hlm thumbprint}, the PSC and known-hosts confirmations): subject, issuer, each name, validity, and
 * both thumbprints in vSphere's form (upper-case hex pairs joined by colons).
 *
 * <p>A certificate is the server's own text: its subject or a name can hold escape sequences, line breaks
 * or bidirectional overrides that would draw a fake {@code SHA-256:} line, or hide the real one. So each
 * field is one line, its value escaped ({@link SafeText}) so that it cannot add another, and the
 * thumbprints come last, computed here from the certificate's DER bytes: whoever prints this block asks
 * the question right after it, with the real thumbprints just above.
 */
public final class CertificateText {
    private CertificateText() {}

    public static void print(PrintWriter out, X509Certificate certificate, String indent) {
        lines(certificate, Instant.now()).forEach(line -> out.println(indent + line));
        out.flush();
    }

    static List<String> lines(X509Certificate certificate, Instant now) {
        CertificateView view = CertificateView.of(certificate);
        List<String> lines = new ArrayList<>();
        lines.add("Subject:  " + SafeText.escape(view.subject()));
        lines.add("Issuer:   " + SafeText.escape(view.issuer()));
        if (view.subjectAlternativeNames().isEmpty()) {
            lines.add("Name:     (none)");
        }
        view.subjectAlternativeNames().forEach(name -> lines.add("Name:     " + SafeText.escape(name)));
        lines.add("Valid:    " + view.notBefore() + " to " + view.notAfter()
                + (now.isAfter(view.notAfter()) ? "  (EXPIRED)" : now.isBefore(view.notBefore()) ? "  (NOT YET VALID)" : ""));
        lines.add("SHA-256:  " + Thumbprint.sha256(certificate));
        lines.add("SHA-1:    " + Thumbprint.sha1(certificate));
        return lines;
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
