package dev.hlm.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A server certificate and its key, made with BouncyCastle, for the simulator's HTTPS servers and for tests.
 * Self-signed by default, so that the certificate is its own trust anchor: a client trusts exactly this
 * server by its PEM ({@code --ca-cert}) or its thumbprint. {@link Builder#issuedBy} makes one issued by
 * another instead, as a VMCA-signed vCenter's is; a server then presents the whole chain.
 *
 * @param issuers the certificates above this one, its issuer first, that a server presents after it; empty
 *     for a self-signed one
 */
public record GeneratedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuers) {

    public GeneratedCertificate {
        issuers = List.copyOf(issuers);
    }

    /** Builder defaults: CN and SANs {@code localhost}, {@code 127.0.0.1} and {@code ::1}, valid a year from an hour ago. */
    public static Builder builder(String commonName) {
        return new Builder(commonName);
    }

    /** A server-side SSLContext presenting this certificate. */
    public SSLContext serverContext() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new FixedKeyManager(privateKey, chain())}, null, new SecureRandom());
        return context;
    }

    /** What a server presenting this certificate sends: this certificate, then its issuers, nearest first. */
    public List<X509Certificate> chain() {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuers);
        return List.copyOf(chain);
    }

    public String pem() {
        return Pem.toPem(certificate);
    }

    public Thumbprint sha256() {
        return Thumbprint.sha256(certificate);
    }

    @Override
    public String toString() {
        return "GeneratedCertificate[" + certificate.getSubjectX500Principal().getName() + ", " + sha256() + "]";
    }

    public static final class Builder {
        private final String commonName;
        private final List<String> dnsNames = new ArrayList<>(List.of("localhost"));
        private final List<String> ipAddresses = new ArrayList<>(List.of("127.0.0.1", "::1"));
        private final List<String> emailNames = new ArrayList<>();
        private Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        private GeneratedCertificate issuer;
        private boolean certificateAuthority;

        private Builder(String commonName) {
            this.commonName = commonName;
        }

        /**
         * An rfc822Name (e-mail) SAN, taken as given: tests put control characters in it, as a forged
         * certificate can, to check that hlm shows them escaped.
         */
        public Builder emailName(String name) {
            emailNames.add(name);
            return this;
        }

        /** Only these names, for a certificate whose name does not match the server. */
        public Builder onlyNames(List<String> dns, List<String> ips) {
            dnsNames.clear();
            dnsNames.addAll(dns);
            ipAddresses.clear();
            ipAddresses.addAll(ips);
            return this;
        }

        public Builder validity(Instant from, Instant until) {
            this.notBefore = from;
            this.notAfter = until;
            return this;
        }

        /**
         * Signed by {@code issuer} rather than by itself: an end-entity certificate (not a CA) unless
         * {@link #certificateAuthority()}, presented with the issuer's chain after it.
         */
        public Builder issuedBy(GeneratedCertificate issuer) {
            this.issuer = issuer;
            return this;
        }

        /** With {@link #issuedBy}: an intermediate CA that may itself issue certificates. */
        public Builder certificateAuthority() {
            this.certificateAuthority = true;
            return this;
        }

        public GeneratedCertificate build() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(256);
                KeyPair keys = generator.generateKeyPair();
                // Built attribute by attribute, not parsed from "CN=...": a common name may hold any text. In
                // encoding order, which the string form ("CN=..., O=...") reverses.
                X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                        .addRDN(BCStyle.O, "hlm simulator")
                        .addRDN(BCStyle.CN, commonName)
                        .build();
                X500Name issuerName = issuer == null ? name
                        : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
                X509v3CertificateBuilder cert = new JcaX509v3CertificateBuilder(
                        issuerName,
                        new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                        Date.from(notBefore),
                        Date.from(notAfter),
                        name,
                        keys.getPublic());
                List<GeneralName> sans = new ArrayList<>();
                dnsNames.forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
                emailNames.forEach(e -> sans.add(new GeneralName(GeneralName.rfc822Name, e)));
                for (String ip : ipAddresses) {
                    sans.add(new GeneralName(GeneralName.iPAddress, InetAddress.getByName(ip).getHostAddress()));
                }
                cert.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(sans.toArray(GeneralName[]::new)));
                // A self-signed leaf that is also its own anchor: CA:true lets PKIX accept it as a trust anchor.
                boolean ca = issuer == null || certificateAuthority;
                cert.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                cert.addExtension(Extension.keyUsage, true,
                        new KeyUsage(ca ? KeyUsage.digitalSignature | KeyUsage.keyCertSign : KeyUsage.digitalSignature));
                PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.privateKey();
                X509Certificate x509 = new JcaX509CertificateConverter()
                        .getCertificate(cert.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
                return new GeneratedCertificate(x509, keys.getPrivate(), issuer == null ? List.of() : issuer.chain());
            } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
                throw new IllegalStateException("cannot generate a certificate for " + commonName, e);
            }
        }
    }

}
