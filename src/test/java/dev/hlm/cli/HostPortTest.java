package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code hlm thumbprint} accepts as HOST[:PORT]. */
class HostPortTest {
    @ParameterizedTest
    @CsvSource({
        "vc01.corp.local, vc01.corp.local, 443, vc01.corp.local:443",
        "vc01.corp.local:8443, vc01.corp.local, 8443, vc01.corp.local:8443",
        "10.0.0.5, 10.0.0.5, 443, 10.0.0.5:443",
        "[::1], ::1, 443, [::1]:443",
        "[fd00::5]:9443, fd00::5, 9443, [fd00::5]:9443",
        "https://vc01.corp.local:444/, vc01.corp.local, 444, vc01.corp.local:444",
        "' psc '                     , psc, 443, psc:443",
    })
    void readsEveryForm(String text, String host, int port, String display) {
        HostPort parsed = HostPort.parse(text);
        assertThat(parsed).isEqualTo(new HostPort(host, port));
        assertThat(parsed.display()).isEqualTo(display);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "vc:0", "vc:65536", "vc:http", "vc:", "::1", "fd00::1:443", "[::1", "[vc]:443",
        "[::1]443", "vc/path", "-vc", "vc name", "http://vc", "user@vc"})
    void refusesWhatIsNotHostAndPort(String text) {
        assertThatThrownBy(() -> HostPort.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
