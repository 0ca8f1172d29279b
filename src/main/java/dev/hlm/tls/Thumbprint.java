package dev.hlm.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A certificate thumbprint: a SHA-256 (32 bytes) or SHA-1 (20 bytes) digest of the DER certificate.
 * Users paste them in every form (colons or not, any case); {@link #parse} takes them all, and
 * {@link #toString} prints the form vSphere uses: upper-case hex pairs joined by colons (decision D2).
 */
public final class Thumbprint {
    public enum Algorithm {
        SHA1("SHA-1", 20),
        SHA256("SHA-256", 32);

        private final String jcaName;
        private final int length;

        Algorithm(String jcaName, int length) {
            this.jcaName = jcaName;
            this.length = length;
        }

        public String jcaName() {
            return jcaName;
        }
    }

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private final Algorithm algorithm;
    private final byte[] digest;

    private Thumbprint(Algorithm algorithm, byte[] digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    /**
     * Reads a thumbprint in any common form: {@code AB:CD:...}, {@code abcd...}, {@code AB-CD}, {@code ab cd}.
     *
     * @throws IllegalArgumentException with a one-line message when it is neither SHA-1 nor SHA-256 hex
     */
    public static Thumbprint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty thumbprint");
        }
        String hex = text.trim().replaceAll("[:\\-\\s]", "");
        if (!hex.matches("[0-9a-fA-F]*")) {
            throw new IllegalArgumentException("thumbprint '" + text.trim() + "' is not hexadecimal");
        }
        for (Algorithm a : Algorithm.values()) {
            if (hex.length() == a.length * 2) {
                return new Thumbprint(a, HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
            }
        }
        throw new IllegalArgumentException("thumbprint '" + text.trim() + "' has " + hex.length()
                + " hex digits; expected 64 (SHA-256) or 40 (SHA-1)");
    }

    /** Like {@link #parse} but empty for text that is not a thumbprint. */
    public static Optional<Thumbprint> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Thumbprint of(X509Certificate certificate, Algorithm algorithm) {
        try {
            byte[] der = certificate.getEncoded();
            return new Thumbprint(algorithm, MessageDigest.getInstance(algorithm.jcaName).digest(der));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute the " + algorithm.jcaName + " thumbprint", e);
        }
    }

    public static Thumbprint sha256(X509Certificate certificate) {
        return of(certificate, Algorithm.SHA256);
    }

    public static Thumbprint sha1(X509Certificate certificate) {
        return of(certificate, Algorithm.SHA1);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** True when this thumbprint, of whichever algorithm, is the certificate's. */
    public boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(digest, of(certificate, algorithm).digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Thumbprint t && t.algorithm == algorithm && MessageDigest.isEqual(t.digest, digest);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(digest);
    }

    /** Upper-case hex pairs joined by colons: SHA-256 is 95 characters, SHA-1 59. */
    @Override
    public String toString() {
        return COLON_HEX.formatHex(digest);
    }
}
