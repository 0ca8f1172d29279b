package dev.hlm.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThumbprintTest {
    private static final GeneratedCertificate CERT = GeneratedCertificate.builder("psc.test").build();
    private static final GeneratedCertificate OTHER = GeneratedCertificate.builder("other.test").build();

    @Test
    void printsVsphereFormat() {
        String sha256 = Thumbprint.sha256(CERT.certificate()).toString();
        String sha1 = Thumbprint.sha1(CERT.certificate()).toString();
        assertThat(sha256).hasSize(95).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(sha1).hasSize(59).matches("([0-9A-F]{2}:){19}[0-9A-F]{2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256", "sha1"})
    void acceptsEveryCommonSpelling(String algorithm) {
        String canonical = (algorithm.equals("sha256") ? Thumbprint.sha256(CERT.certificate())
                : Thumbprint.sha1(CERT.certificate())).toString();
        for (String spelling : new String[] {
                canonical, canonical.toLowerCase(Locale.ROOT), canonical.replace(":", ""),
                canonical.replace(":", "").toLowerCase(Locale.ROOT), canonical.replace(":", "-"), " " + canonical + " "}) {
            Thumbprint parsed = Thumbprint.parse(spelling);
            assertThat(parsed.matches(CERT.certificate())).as(spelling).isTrue();
            assertThat(parsed.matches(OTHER.certificate())).as(spelling).isFalse();
            assertThat(parsed.toString()).isEqualTo(canonical);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "zz:11", "AB:CD", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde"})
    void refusesWhatIsNotAThumbprint(String text) {
        assertThatThrownBy(() -> Thumbprint.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Thumbprint.tryParse(text)).isEmpty();
    }

    @Test
    void pemRoundTrips() {
        assertThat(Pem.parseCertificates(CERT.pem())).containsExactly(CERT.certificate());
        assertThatThrownBy(() -> Pem.parseCertificates("not a certificate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificate");
    }
}
