package dev.hlm.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Every kind of subject alternative name is shown as text a person can read, never as a Java object. */
class CertificateViewTest {
    @Test
    void anOtherNameIsShownAsItsDerInHexNotAsAJavaArray() throws Exception {
        // A Microsoft UPN otherName, as AD certificate services issue them, and a registered id.
        GeneralName upn = new GeneralName(GeneralName.otherName, new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"), new DERTaggedObject(true, 0, new DERUTF8String("ops@corp"))}));
        GeneralName rid = new GeneralName(GeneralName.registeredID, "1.2.3.4");
        GeneralName dns = new GeneralName(GeneralName.dNSName, "vc01.corp.local");
        X509Certificate cert = certificate(new GeneralNames(new GeneralName[] {upn, rid, dns}));

        CertificateView view = CertificateView.of(cert);

        assertThat(view.subjectAlternativeNames()).hasSize(3);
        assertThat(view.subjectAlternativeNames().get(0)).startsWith("otherName:").matches("otherName:[0-9A-F:]+")
                .doesNotContain("[B@");
        assertThat(view.subjectAlternativeNames().get(1)).isEqualTo("Registered ID:1.2.3.4");
        assertThat(view.subjectAlternativeNames().get(2)).isEqualTo("DNS:vc01.corp.local");
    }

    private static X509Certificate certificate(GeneralNames names) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=names");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), subject, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, names);
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
