package dev.hlm.sim;

import static dev.hlm.sim.SimFixtures.api;
import static dev.hlm.sim.SimFixtures.goodSpec;
import static dev.hlm.sim.SimFixtures.rest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.SimHttp.Reply;
import dev.hlm.testing.WithSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each API version and role offers (decisions D7, D8, D15; docs/decisions.md B.10). */
@WithSimulator
class VersionsIT {

    @Test
    @WithSimulator(apiVersion = ApiVersion.V6_7)
    void v67HasNoApiFlavorAndRaisesInvalidRequestForTheCertificate(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        for (String path : new String[] {"/api/session", "/api/hvc/links", "/api/appliance/system/version"}) {
            Reply reply = http.get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.errorType()).isEqualTo("NOT_FOUND");
        }
        assertThat(http.post("/api/session", null, "Authorization",
                SimHttp.basic(sim.cloudAdminUsername(), sim.cloudAdminPassword())).status()).isEqualTo(404);

        String[] session = SimHttp.session(http.loginRest(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
        Map<String, Object> spec = goodSpec(sim);
        spec.remove("ssl_thumbprint");
        Reply refused = http.post("/rest/hvc/links", rest(spec), session);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorType()).isEqualTo("com.vmware.vapi.std.errors.invalid_request");
        assertThat(refused.data().path("ssl_thumbprint").asText())
                .isEqualTo(sim.pscCertificate().sha256().toString());

        String id = http.post("/rest/hvc/links", rest(goodSpec(sim)), session).json().path("value").asText();
        Reply get = http.get("/rest/hvc/links/" + id, session);
        assertThat(get.status()).as("no get before 8.0U1").isEqualTo(404);
        assertThat(get.json().path("name").asText()).isEqualTo("com.vmware.vapi.rest.httpNotFound");

        Reply version = http.get("/rest/appliance/system/version");
        assertThat(version.json().path("value").path("version").asText()).startsWith("6.7.0");
    }

    @Test
    @WithSimulator(apiVersion = ApiVersion.V7_0_2)
    void v702HasBothFlavorsButNoGetAndNoDeleteWithCredentials(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String[] session = SimHttp.session(http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
        Map<String, Object> spec = goodSpec(sim);
        spec.remove("ssl_thumbprint");
        assertThat(http.post("/api/hvc/links", api(spec), session).errorType()).isEqualTo("UNVERIFIED_PEER");

        String id = http.post("/api/hvc/links", api(goodSpec(sim)), session).json().asText();
        assertThat(http.get("/api/hvc/links/" + id, session).status()).isEqualTo(404);
        Reply withCredentials = http.post("/api/hvc/links/" + id + "?action=delete",
                "{\"credentials\": {\"user_name\": \"a\", \"password\": \"b\"}}", session);
        assertThat(withCredentials.status()).isEqualTo(404);
        assertThat(withCredentials.errorType()).isEqualTo("NOT_FOUND");
        assertThat(http.delete("/api/hvc/links/" + id, session).status()).isEqualTo(204);
    }

    @Test
    @WithSimulator(apiVersion = ApiVersion.V9_0)
    void v90ReportsAndAcceptsThePemCertificate(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String[] session = SimHttp.session(http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
        Map<String, Object> spec = goodSpec(sim);
        spec.remove("ssl_thumbprint");
        Reply refused = http.post("/api/hvc/links", api(spec), session);
        assertThat(refused.errorType()).isEqualTo("UNVERIFIED_PEER");
        assertThat(refused.data().path("ssl_certificate").asText()).isEqualTo(sim.pscCertificate().pem());
        // 9.0 deprecates the thumbprint: its refusal asks for the certificate (decision D16).
        String detail = refused.json().path("messages").path(1).path("default_message").asText();
        assertThat(detail).contains("No ssl_certificate was given").doesNotContain("ssl_thumbprint was given");

        spec.put("ssl_certificate", sim.cloudCertificate().pem());
        assertThat(http.post("/api/hvc/links", api(spec), session).errorType()).isEqualTo("UNVERIFIED_PEER");

        spec.put("ssl_certificate", refused.data().path("ssl_certificate").asText());
        Reply created = http.post("/api/hvc/links", api(spec), session);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    @WithSimulator(role = Role.GATEWAY)
    void aGatewayAcceptsAMissingThumbprintButNotAWrongOne(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String[] session = SimHttp.session(http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
        Map<String, Object> spec = goodSpec(sim);
        spec.put("ssl_thumbprint", sim.cloudCertificate().sha256().toString());
        assertThat(http.post("/api/hvc/links", api(spec), session).errorType()).isEqualTo("UNVERIFIED_PEER");

        spec.remove("ssl_thumbprint");
        Reply created = http.post("/api/hvc/links", api(spec), session);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Reply version = http.get("/api/appliance/system/version");
        assertThat(version.json().path("product").asText()).isEqualTo("VMware vCenter Cloud Gateway");
    }

    @Test
    void theVersionEndpointAnswersOnBothServersInBothFlavors(Simulator sim) {
        Reply api = SimHttp.cloud(sim).get("/api/appliance/system/version");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().path("version").asText()).isEqualTo("8.0.1.00000");
        assertThat(api.json().path("product").asText()).isEqualTo("VMware vCenter Server");
        assertThat(api.json().path("type").asText())
                .isEqualTo("vCenter Server with an embedded Platform Services Controller");
        assertThat(api.json().fieldNames()).toIterable().containsExactlyInAnyOrder(
                "version", "product", "build", "type", "summary", "releasedate", "install_time");

        Reply rest = SimHttp.cloud(sim).get("/rest/appliance/system/version");
        assertThat(rest.json().path("value")).isEqualTo(api.json());

        Reply psc = SimHttp.psc(sim).get("/api/appliance/system/version");
        assertThat(psc.status()).isEqualTo(200);
        assertThat(psc.json().path("product").asText()).isEqualTo("VMware vCenter Server");
        assertThat(SimHttp.psc(sim).get("/rest/appliance/system/version").status()).isEqualTo(200);
    }

    @Test
    void versionsAndRolesParseTheirLabels() {
        assertThat(ApiVersion.parse("6.7")).isEqualTo(ApiVersion.V6_7);
        assertThat(ApiVersion.parse("7.0.2")).isEqualTo(ApiVersion.V7_0_2);
        assertThat(ApiVersion.parse("8.0.1")).isEqualTo(ApiVersion.V8_0_1);
        assertThat(ApiVersion.parse("9.0")).isEqualTo(ApiVersion.V9_0);
        assertThat(Role.parse("gateway")).isEqualTo(Role.GATEWAY);
        assertThat(Role.parse("cloud-vcenter")).isEqualTo(Role.CLOUD_VCENTER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiVersion.parse("8.0"))
                .hasMessageContaining("6.7, 7.0.2, 8.0.1, 9.0");
    }
}
