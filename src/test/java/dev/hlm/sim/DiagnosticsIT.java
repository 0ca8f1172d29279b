package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.testing.WithSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator's own endpoints and counters, for benchmarks and tests: what it counts per server, that
 * reading the counters changes nothing, and that a reset gives a fresh simulator without a restart.
 */
@WithSimulator
class DiagnosticsIT {
    @Test
    void countsRequestsAndTlsHandshakesPerServer(Simulator sim) {
        SimHttp cloud = SimHttp.cloud(sim);
        String token = cloud.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword());
        assertThat(cloud.post("/api/hvc/links", SimFixtures.api(SimFixtures.goodSpec(sim)), SimHttp.session(token))
                .status()).isEqualTo(201);
        cloud.get("/api/hvc/links", SimHttp.session(token));

        // One kept-alive connection: three requests, one handshake.
        assertThat(sim.cloudTraffic()).isEqualTo(new Traffic(3, 1));
        // The create's own check of the PSC: version (for its certificate), login, who-am-I, logout.
        assertThat(sim.pscTraffic()).isEqualTo(new Traffic(4, 1));
    }

    @Test
    void statsAreServedWithoutASessionAndReadingThemCountsNothing(Simulator sim) {
        SimHttp cloud = SimHttp.cloud(sim);
        cloud.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword());

        for (int i = 0; i < 3; i++) {
            SimHttp.Reply stats = SimHttp.cloud(sim).get("/sim/stats"); // a new connection each time
            assertThat(stats.status()).isEqualTo(200);
            assertThat(stats.json()).isEqualTo(SimHttp.json(
                    "{\"cloud\":{\"requests\":1,\"tls_handshakes\":1},\"psc\":{\"requests\":0,\"tls_handshakes\":0}}"));
        }
        assertThat(sim.cloudTraffic()).isEqualTo(new Traffic(1, 1));
        assertThat(sim.requests()).hasSize(1);
    }

    @Test
    void deletingTheStateGivesAFreshSimulator(Simulator sim) {
        SimHttp cloud = SimHttp.cloud(sim);
        String token = cloud.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword());
        cloud.post("/api/hvc/links", SimFixtures.api(SimFixtures.goodSpec(sim)), SimHttp.session(token));
        assertThat(sim.links()).hasSize(1);
        assertThat(sim.administrators()).isNotEmpty();

        assertThat(SimHttp.cloud(sim).delete("/sim/state").status()).isEqualTo(204);

        assertThat(sim.links()).isEmpty();
        assertThat(sim.administrators()).isEmpty();
        assertThat(sim.openSessions()).isZero();
        assertThat(sim.requests()).isEmpty();
        assertThat(sim.pscRequests()).isEmpty();
        assertThat(sim.cloudTraffic()).isEqualTo(new Traffic(0, 0));
        assertThat(sim.pscTraffic()).isEqualTo(new Traffic(0, 0));
        // The old session is gone; the same accounts and PSC still link as on the first day.
        assertThat(cloud.get("/api/hvc/links", SimHttp.session(token)).status()).isEqualTo(401);
        String again = cloud.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword());
        assertThat(cloud.post("/api/hvc/links", SimFixtures.api(SimFixtures.goodSpec(sim)), SimHttp.session(again))
                .status()).isEqualTo(201);
    }

    /** The switch a user has to make a link UNHEALTHY from outside the simulator's JVM, and back. */
    @Test
    void thePscGoesDownAndComesBackOnRequest(Simulator sim) {
        SimHttp cloud = SimHttp.cloud(sim);
        String token = cloud.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword());
        String link = cloud.post("/api/hvc/links", SimFixtures.api(SimFixtures.goodSpec(sim)), SimHttp.session(token))
                .json().asText();

        assertThat(SimHttp.cloud(sim).post("/sim/psc?state=down", "").status()).isEqualTo(204);
        assertThatThrownBy(() -> SimHttp.psc(sim).get("/api/appliance/system/version"))
                .as("the PSC's port refuses").hasCauseInstanceOf(java.net.ConnectException.class);
        assertThat(cloud.get("/api/hvc/links/" + link, SimHttp.session(token)).json()
                .path("connection_health_status").asText()).isEqualTo("UNHEALTHY");
        assertThat(SimHttp.cloud(sim).post("/sim/psc?state=down", "").status()).as("again: no change").isEqualTo(204);

        assertThat(SimHttp.cloud(sim).post("/sim/psc?state=up", "").status()).isEqualTo(204);
        assertThat(cloud.get("/api/hvc/links/" + link, SimHttp.session(token)).json()
                .path("connection_health_status").asText()).isEqualTo("HEALTHY");

        // A fresh simulator has its PSC up.
        assertThat(SimHttp.cloud(sim).post("/sim/psc?state=down", "").status()).isEqualTo(204);
        assertThat(SimHttp.cloud(sim).delete("/sim/state").status()).isEqualTo(204);
        assertThat(SimHttp.psc(sim).get("/api/appliance/system/version").status()).isEqualTo(200);
    }

    @Test
    void aPscStateOtherThanDownOrUpIsRefusedAndChangesNothing(Simulator sim) {
        for (String query : List.of("", "?state=off", "?state=DOWN", "?state=down&state=up")) {
            SimHttp.Reply reply = SimHttp.cloud(sim).post("/sim/psc" + query, "");
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.errorType()).isEqualTo("INVALID_ARGUMENT");
            assertThat(reply.message()).contains("?state=down or ?state=up");
        }
        assertThat(SimHttp.psc(sim).get("/api/appliance/system/version").status()).isEqualTo(200);
    }

    @Test
    void onlyTheseDiagnosticsExistAndOnlyOnTheCloudVcenter(Simulator sim) {
        for (SimHttp.Reply reply : List.of(SimHttp.cloud(sim).get("/sim/nothing"),
                SimHttp.cloud(sim).post("/sim/stats", "{}"), SimHttp.cloud(sim).get("/sim/state"),
                SimHttp.cloud(sim).get("/sim/psc"))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.errorType()).isEqualTo("NOT_FOUND");
            assertThat(reply.message()).contains("GET /sim/stats", "DELETE /sim/state", "POST /sim/psc?state=down|up");
        }
        assertThat(SimHttp.psc(sim).get("/sim/stats").status()).isEqualTo(404);
        assertThat(sim.cloudTraffic()).isEqualTo(new Traffic(0, 0));
        assertThat(sim.pscTraffic().requests()).isEqualTo(1); // the PSC has no diagnostics: an ordinary 404
    }

    @Test
    void latencyChangesNoAnswerAndNoCount() {
        try (Simulator sim = Simulator.builder().latency(Duration.ofMillis(20)).build()) {
            SimHttp cloud = SimHttp.cloud(sim);
            String token = cloud.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword());
            SimHttp.Reply created = cloud.post("/api/hvc/links", SimFixtures.api(SimFixtures.goodSpec(sim)),
                    SimHttp.session(token));
            assertThat(created.status()).isEqualTo(201);
            JsonNode stats = SimHttp.cloud(sim).get("/sim/stats").json();
            assertThat(stats.path("cloud").path("requests").asInt()).isEqualTo(2);
            assertThat(sim.cloudTraffic()).isEqualTo(new Traffic(2, 1));
        }
    }

    @Test
    void aNegativeLatencyIsRefused() {
        assertThatThrownBy(() -> Simulator.builder().latency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
    }
}
