package dev.hlm.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records against JSON written by hand from the API reference (docs/decisions.md B.5, B.13): a field renamed in
 * a record fails here even if the client and the simulator agree with each other.
 */
class WireModelTest {
    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = WireModelTest.class.getResourceAsStream("/golden/" + name)) {
            return Json.mapper().readTree(in);
        }
    }

    private static JsonNode tree(Object value) {
        return Json.mapper().valueToTree(value);
    }

    @Test
    void createSpecWritesTheDocumentedFields() throws IOException {
        CreateSpec spec = new CreateSpec("vc01.corp.local", "443", "vsphere.local", "administrator@vsphere.local",
                "***".toCharArray(), "3A:7F:C9", null, List.of("vmc-admins@corp.local"));
        assertThat(tree(spec)).isEqualTo(golden("create-spec.json"));
        assertThat(spec.toString()).doesNotContain("***".repeat(2)).contains("password=***");
    }

    @Test
    void createSpecReadsANumericPort() throws IOException {
        // The original script sends the port as a number (decision D3).
        CreateSpec spec = Json.mapper().readValue("{\"psc_hostname\":\"p\",\"port\":8443}", CreateSpec.class);
        assertThat(spec.port()).isEqualTo("8443");
        assertThat(spec.portNumber()).isEqualTo(8443);
    }

    @Test
    void summariesAndInfoRead() throws IOException {
        Summary[] links = Json.mapper().treeToValue(golden("links-list.json"), Summary[].class);
        assertThat(links).containsExactly(new Summary("6f1c2a9e-1111-4c2b-9d1a-0a0b0c0d0e0f", "vsphere.local"));
        Info info = Json.mapper().treeToValue(golden("link-info-unhealthy.json"), Info.class);
        assertThat(info.connectionHealthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(info.healthStatusMessage().defaultMessage()).isEqualTo("Remote PSC is not reachable.");
        assertThat(tree(info)).isEqualTo(golden("link-info-unhealthy.json"));
    }

    @Test
    void unknownHealthValuesDoNotBreakOldClients() throws IOException {
        Info info = Json.mapper().readValue("{\"connection_health_status\":\"DEGRADED\"}", Info.class);
        assertThat(info.connectionHealthStatus()).isEqualTo(HealthStatus.UNKNOWN);
    }

    @Test
    void errorsOfBothFlavorsRoundTrip() throws IOException {
        VapiError api = Json.mapper().treeToValue(golden("error-unverified-peer.json"), VapiError.class);
        assertThat(api.errorType()).isEqualTo(ErrorType.UNVERIFIED_PEER);
        assertThat(api.data().get("ssl_thumbprint").asText()).isEqualTo("3A:7F:C9");
        assertThat(tree(api)).isEqualTo(golden("error-unverified-peer.json"));

        RestError rest = Json.mapper().treeToValue(golden("rest-error-unauthenticated.json"), RestError.class);
        assertThat(rest.toVapiError().errorType()).isEqualTo(ErrorType.UNAUTHENTICATED);
        assertThat(tree(rest)).isEqualTo(golden("rest-error-unauthenticated.json"));

        assertThat(tree(RestRouteNotFound.instance())).isEqualTo(golden("rest-route-not-found.json"));
    }

    @Test
    void deleteWithCredentialsUsesUserName() throws IOException {
        DeleteWithCredentialsBody body =
                new DeleteWithCredentialsBody(new Credentials("administrator@vsphere.local", "***".toCharArray()));
        assertThat(tree(body)).isEqualTo(golden("delete-with-credentials.json"));
    }

    @Test
    void errorTypesMapToTheirRestNamesAndStatus() {
        assertThat(ErrorType.ALREADY_EXISTS.restType()).isEqualTo("com.vmware.vapi.std.errors.already_exists");
        assertThat(ErrorType.fromRestType("com.vmware.vapi.std.errors.unverified_peer")).isEqualTo(ErrorType.UNVERIFIED_PEER);
        assertThat(ErrorType.fromRestType("something.else")).isEqualTo(ErrorType.UNKNOWN);
        assertThat(ErrorType.UNAUTHORIZED.httpStatus()).isEqualTo(403);
        assertThat(ErrorType.NOT_FOUND.httpStatus()).isEqualTo(404);
    }
}
