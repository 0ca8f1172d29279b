package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hlm.api.ErrorType;
import dev.hlm.api.Flavor;
import org.junit.jupiter.api.Test;

/** Create-spec validation, without sockets (decisions D3, D11; docs/decisions.md B.13 #10). */
class LinkRequestTest {
    private static final String SPEC = """
            {"psc_hostname": "psc.corp.local", "domain_name": "vsphere.local", "username": "administrator@vsphere.local",
             "password": "secret", %s}""";

    private static LinkRequest read(String extra, ApiVersion version) {
        return LinkRequest.read(SPEC.formatted(extra), Flavor.API, version);
    }

    private static ErrorType refusal(String body, Flavor flavor) {
        try {
            LinkRequest.read(body, flavor, ApiVersion.V8_0_1);
            throw new AssertionError("accepted: " + body);
        } catch (ApiFailure e) {
            return e.error().errorType();
        }
    }

    @Test
    void readsAFullSpecWithDefaults() {
        LinkRequest request = read("\"admin_groups\": [\"a@corp.local\"]", ApiVersion.V8_0_1);
        assertThat(request.psc().display()).isEqualTo("psc.corp.local:443");
        assertThat(request.sslThumbprint()).isNull();
        assertThat(request.adminGroups()).containsExactly("a@corp.local");
        assertThat(request.toString()).doesNotContain("secret");
    }

    @Test
    void thePortIsAStringOrANumber() {
        assertThat(read("\"port\": \"8443\"", ApiVersion.V8_0_1).psc().port()).isEqualTo(8443);
        assertThat(read("\"port\": 8443", ApiVersion.V8_0_1).psc().port()).isEqualTo(8443);
        assertThatThrownBy(() -> read("\"port\": \"99999\"", ApiVersion.V8_0_1)).hasMessageContaining("port");
    }

    @Test
    void sslCertificateIsReadOnlyFrom90() {
        String pem = "\"ssl_certificate\": \"-----BEGIN CERTIFICATE-----\"";
        assertThat(read(pem, ApiVersion.V8_0_1).sslCertificate()).isNull();
        assertThat(read(pem, ApiVersion.V9_0).sslCertificate()).startsWith("-----BEGIN");
    }

    @Test
    void everyInputProblemIsInvalidArgument() {
        assertThat(refusal("", Flavor.API)).isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(refusal("[1]", Flavor.API)).isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(refusal("{\"psc_hostname\": 7}", Flavor.API)).isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(refusal(SPEC.formatted("\"x\": 1"), Flavor.REST)).as("no spec wrapper").isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(refusal(SPEC.formatted("\"admin_groups\": \"a@b\""), Flavor.API)).isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(refusal(SPEC.formatted("\"admin_groups\": [7]"), Flavor.API)).isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(refusal(SPEC.formatted("\"x\": 1").replace("psc.corp.local", "bad host"), Flavor.API))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
    }
}
