package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {
    @ParameterizedTest
    @CsvSource({
        "vc.example.com, https://vc.example.com",
        "vc.example.com:8443, https://vc.example.com:8443",
        "https://vc.example.com, https://vc.example.com",
        "HTTPS://vc.example.com:443/, https://vc.example.com:443",
        "127.0.0.1:9443, https://127.0.0.1:9443",
        "'[::1]:9443', 'https://[::1]:9443'",
    })
    void readsWhatUsersType(String typed, String expected) {
        assertThat(ServerAddress.parse(typed)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://vc.example.com", "ftp://vc", "https://vc.example.com/ui",
        "vc.example.com/api", "https://user@vc.example.com", "vc:0", "vc:70000", "https://", "vc:abc"})
    void refusesWhatIsNotAServer(String typed) {
        assertThatThrownBy(() -> ServerAddress.parse(typed))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("\n");
    }

    @Test
    void displaysHostAndPortWithTheDefaultPort() {
        assertThat(ServerAddress.display(ServerAddress.parse("vc.example.com"))).isEqualTo("vc.example.com:443");
        assertThat(ServerAddress.display(ServerAddress.parse("vc.example.com:8443"))).isEqualTo("vc.example.com:8443");
        assertThat(ServerAddress.display(ServerAddress.parse("[::1]"))).isEqualTo("[::1]:443");
    }

    /** A password typed into the address is refused without being shown, whatever else is wrong with it. */
    @ParameterizedTest
    @ValueSource(strings = {"https://cloudadmin:S3cretPassw0rd@vc.example.com", "cloudadmin:S3cretPassw0rd@vc.example.com",
        "http://cloudadmin:S3cretPassw0rd@vc.example.com", "https://cloudadmin:S3cretPassw0rd@vc.example.com/ui",
        "https://cloudadmin:S3cretPassw0rd@", "https://u:S3cretPassw0rd@vc:70000", "ftp://u:S3cretPassw0rd@vc",
        "https://u:S3cretPassw0rd@bad_host!", "https://u:S3cret@Passw0rd@vc.example.com"})
    void aPasswordInTheAddressIsNeverShown(String typed) {
        assertThatThrownBy(() -> ServerAddress.parse(typed, "--server"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().startsWith("--server ").doesNotContain("S3cret").doesNotContain("Passw0rd")
                .doesNotContain("cloudadmin");
    }
}
