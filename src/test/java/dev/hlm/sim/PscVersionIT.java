package dev.hlm.sim;

import static dev.hlm.sim.SimFixtures.api;
import static dev.hlm.sim.SimFixtures.goodSpec;
import static dev.hlm.sim.SimFixtures.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hlm.sim.SimHttp.Reply;
import dev.hlm.testing.WithSimulator;
import org.junit.jupiter.api.Test;

/** A PSC older than HLM supports: it says so on its version endpoint, and create refuses it with UNSUPPORTED. */
@WithSimulator
class PscVersionIT {
    @Test
    @WithSimulator(apiVersion = ApiVersion.V7_0_2)
    void byDefaultThePscRunsTheCloudVcentersRelease(Simulator sim) {
        assertThat(sim.pscVersion()).isEqualTo("7.0.2.00000");
        assertThat(SimHttp.psc(sim).get("/api/appliance/system/version").json().path("version").asText())
                .isEqualTo("7.0.2.00000");
    }

    @Test
    void anOldPscIsRefusedWithUnsupportedBeforeAnyCredentialReachesIt() {
        try (Simulator sim = Simulator.builder().pscVersion("6.5.0").build()) {
            // A PSC before 7.0U2 has only the legacy /rest, which wraps its answers in "value".
            assertThat(SimHttp.psc(sim).get("/api/appliance/system/version").status()).isEqualTo(404);
            assertThat(SimHttp.psc(sim).get("/rest/appliance/system/version").json().path("value").path("version").asText())
                    .isEqualTo("6.5.0");
            SimHttp http = SimHttp.cloud(sim);
            String[] admin = SimHttp.session(http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword()));

            Reply apiReply = http.post("/api/hvc/links", api(goodSpec(sim)), admin);
            assertThat(apiReply.status()).as(apiReply.body()).isEqualTo(400);
            assertThat(apiReply.errorType()).isEqualTo("UNSUPPORTED");
            assertThat(apiReply.message()).contains("6.5.0", "6.7");

            Reply restReply = http.post("/rest/hvc/links", rest(goodSpec(sim)), admin);
            assertThat(restReply.errorType()).isEqualTo("com.vmware.vapi.std.errors.unsupported");

            assertThat(sim.links()).isEmpty();
            assertThat(sim.pscRequests()).noneSatisfy(r -> assertThat(r.header("Authorization")).isPresent());
        }
    }

    @Test
    void theOldestSupportedReleaseLinks() {
        try (Simulator sim = Simulator.builder().pscVersion("6.7").build()) {
            SimHttp http = SimHttp.cloud(sim);
            String[] admin = SimHttp.session(http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
            assertThat(http.post("/api/hvc/links", api(goodSpec(sim)), admin).status()).isEqualTo(201);
            assertThat(sim.pscVersion()).isEqualTo("6.7.0.20000");
        }
    }

    @Test
    void aVersionMustBeADottedNumber() {
        assertThatThrownBy(() -> Simulator.builder().pscVersion("six")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Simulator.builder().pscVersion("6.5-beta")).isInstanceOf(IllegalArgumentException.class);
    }
}
