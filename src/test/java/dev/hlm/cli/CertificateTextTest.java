package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.client.SafeText;
import dev.hlm.tls.GeneratedCertificate;
import dev.hlm.tls.Thumbprint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A forged certificate's text cannot fake the thumbprint: whatever its subject and names hold, each field
 * is one line of visible characters, and the thumbprints hlm computed itself come last.
 */
class CertificateTextTest {
    /** What a forger puts where a name goes: hide what follows, draw a thumbprint line, ring, reorder. */
    static final String FAKE_THUMBPRINT = "SHA-256:  " + "AB:".repeat(31) + "AB";

    static GeneratedCertificate forged() {
        return GeneratedCertificate.builder("vc01.corp.local\u202e\u001b[8m\r\n" + FAKE_THUMBPRINT + "\u0007")
                .onlyNames(List.of("localhost"), List.of("127.0.0.1"))
                .emailName("admin@corp.local\u001b[8m\r\n" + FAKE_THUMBPRINT + "\r\n\u0007\u001b]0;trusted\u0007")
                .build();
    }

    @Test
    void aForgedSubjectAndNameStayOnTheirOwnLinesAndTheRealThumbprintsComeLast() {
        GeneratedCertificate forged = forged();

        List<String> lines = CertificateText.lines(forged.certificate(), Instant.now());

        // Subject, issuer, three names (DNS, e-mail, IP), validity, SHA-256, SHA-1: one line each, no more.
        assertThat(lines).hasSize(8);
        assertThat(String.join("\n", lines).lines()).hasSize(8);
        for (String line : lines) {
            assertThat(line.codePoints().filter(SafeText::needsEscape).toArray()).as(line).isEmpty();
        }
        assertThat(lines.get(0)).startsWith("Subject:  ").contains("vc01.corp.local\\u202e\\x1b[8m\\x0d\\x0aSHA-256:");
        assertThat(lines.get(1)).startsWith("Issuer:   ");
        assertThat(lines.subList(2, 5)).containsExactly(
                "Name:     DNS:localhost",
                "Name:     email:admin@corp.local\\x1b[8m\\x0d\\x0a" + FAKE_THUMBPRINT + "\\x0d\\x0a\\x07\\x1b]0;trusted\\x07",
                "Name:     IP:127.0.0.1");
        assertThat(lines.get(5)).startsWith("Valid:    ");
        assertThat(lines.get(6)).isEqualTo("SHA-256:  " + Thumbprint.sha256(forged.certificate()));
        assertThat(lines.get(7)).isEqualTo("SHA-1:    " + Thumbprint.sha1(forged.certificate()));
        assertThat(lines.stream().filter(l -> l.startsWith("SHA-256:"))).hasSize(1);
    }

    @Test
    void anOrdinaryCertificateReadsAsBefore() {
        GeneratedCertificate plain = GeneratedCertificate.builder("vc01.corp.local").build();

        List<String> lines = CertificateText.lines(plain.certificate(), Instant.now());

        assertThat(lines).containsExactly(
                "Subject:  CN=vc01.corp.local,O=hlm simulator",
                "Issuer:   CN=vc01.corp.local,O=hlm simulator",
                "Name:     DNS:localhost",
                "Name:     IP:127.0.0.1",
                "Name:     IP:0:0:0:0:0:0:0:1",
                lines.get(5),
                "SHA-256:  " + plain.sha256(),
                "SHA-1:    " + Thumbprint.sha1(plain.certificate()));
        assertThat(lines.get(5)).matches("Valid:    \\S+ to \\S+");
    }
}
