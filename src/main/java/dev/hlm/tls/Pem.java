package dev.hlm.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** PEM certificates: reading a file or string of one or more, and writing them. */
public final class Pem {
    private Pem() {}

    /**
     * Reads every certificate in a PEM (or DER) file.
     *
     * @throws IOException when the file cannot be read ({@link SmallFiles.TooLarge} past 4 MiB)
     * @throws IllegalArgumentException when it holds no certificate, with a one-line reason
     */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        byte[] bytes = SmallFiles.read(file, SmallFiles.TEXT_LIMIT);
        try {
            return parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    public static List<X509Certificate> parseCertificates(String pem) {
        return parse(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static List<X509Certificate> parse(byte[] bytes) {
        try {
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate c : certs) {
                result.add((X509Certificate) c);
            }
            if (result.isEmpty()) {
                throw new IllegalArgumentException("no certificate found (expected PEM '-----BEGIN CERTIFICATE-----')");
            }
            return result;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM or DER certificate");
        }
    }

    /** Several certificates in one PEM text, in the order given, as a chain file holds them. */
    public static String toPem(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        certificates.forEach(c -> pem.append(toPem(c)));
        return pem.toString();
    }

    public static String toPem(X509Certificate certificate) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }
}
