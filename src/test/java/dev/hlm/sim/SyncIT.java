package dev.hlm.sim;

import static dev.hlm.sim.SimFixtures.goodSpec;
import static dev.hlm.sim.SimFixtures.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.sim.SimHttp.Reply;
import dev.hlm.sim.fault.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The preview sync API (decision D18) on the releases that have it, in both flavors: the providers of a link,
 * each one's state, a start that runs through its stages to completion (busy while it runs), a reset of all,
 * and its absence from 8.0.1 on. Over real HTTPS, REST and JSON-RPC.
 */
class SyncIT {
    private Simulator sim;
    private SimHttp http;
    private String[] admin;
    private String link;

    private void start(String version, Duration syncDuration) {
        sim = Simulator.builder().apiVersion(ApiVersion.parse(version)).syncDuration(syncDuration).build();
        http = SimHttp.cloud(sim);
        admin = SimHttp.session(http.loginRest(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
        Reply created = http.post("/rest/hvc/links", rest(goodSpec(sim)), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        link = created.json().path("value").asText();
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private JsonNode provider(String prefix, String provider) {
        Reply reply = http.get(prefix + "/hvc/links/" + link + "/sync/providers/" + provider, admin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return prefix.equals("/rest") ? reply.json().path("value") : reply.json();
    }

    @Test
    void aLinkListsItsProvidersEachSyncedWhenTheLinkWasMade() {
        start("7.0.2", Duration.ofHours(1));
        Reply list = http.get("/api/hvc/links/" + link + "/sync/providers", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("provider")).containsExactly("identity", "tagging", "trust");
        JsonNode identity = provider("/api", "identity");
        assertThat(identity.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(identity.path("last_sync_time").asText()).isNotEmpty();
        assertThat(identity.path("polling_interval_in_seconds").asLong()).isPositive();
        assertThat(identity.has("current_session_info")).as("no session started yet").isFalse();
    }

    @Test
    void aStartedSyncRunsIsBusyForASecondStartAndResetRestartsEveryProvider() {
        start("6.7", Duration.ofHours(1));
        Reply started = http.post("/rest/hvc/links/" + link + "/sync/providers/tagging?action=start", null, admin);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        JsonNode session = provider("/rest", "tagging").path("current_session_info");
        assertThat(session.path("stage").asText()).isEqualTo("CHANGE_DETECTION");
        assertThat(session.path("total_work").asLong()).isEqualTo(100);
        assertThat(session.has("completion_time")).isFalse();

        Reply again = http.post("/rest/hvc/links/" + link + "/sync/providers/tagging?action=start", null, admin);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorType()).isEqualTo("com.vmware.vapi.std.errors.resource_busy");

        assertThat(provider("/rest", "identity").has("current_session_info")).isFalse();
        Reply reset = http.post("/rest/hvc/links/" + link + "/sync?action=reset", null, admin);
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(provider("/rest", "identity").path("current_session_info").path("stage").asText())
                .isEqualTo("CHANGE_DETECTION");
    }

    @Test
    void aSessionCompletesAndTheLastSyncMovesToItsCompletion() {
        start("7.0.2", Duration.ZERO);
        String before = provider("/api", "trust").path("last_sync_time").asText();
        assertThat(http.post("/api/hvc/links/" + link + "/sync/providers/trust?action=start", null, admin).status())
                .isEqualTo(204);
        JsonNode trust = provider("/api", "trust");
        JsonNode session = trust.path("current_session_info");
        assertThat(session.path("stage").asText()).isEqualTo("COMPLETED");
        assertThat(session.path("completed_work").asLong()).isEqualTo(session.path("total_work").asLong());
        assertThat(session.path("completion_time").asText()).isEqualTo(trust.path("last_sync_time").asText());
        assertThat(trust.path("last_sync_time").asText()).isGreaterThanOrEqualTo(before);
        assertThat(http.post("/api/hvc/links/" + link + "/sync/providers/trust?action=start", null, admin).status())
                .as("a completed sync can be started again").isEqualTo(204);
    }

    @Test
    void unknownLinksAndProvidersAreNotFoundAndAReadOnlyUserCannotStart() {
        start("7.0.2", Duration.ZERO);
        assertThat(http.get("/api/hvc/links/no-such-link/sync/providers", admin).errorType()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/api/hvc/links/" + link + "/sync/providers/dns", admin).errorType()).isEqualTo("NOT_FOUND");
        String[] readOnly = SimHttp.session(http.loginApi(sim.readOnlyUsername(), sim.readOnlyPassword()));
        assertThat(http.get("/api/hvc/links/" + link + "/sync/providers", readOnly).status()).isEqualTo(200);
        assertThat(http.post("/api/hvc/links/" + link + "/sync?action=reset", null, readOnly).errorType())
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void version801HasNoSyncRoutes() {
        start("8.0.1", Duration.ZERO);
        assertThat(http.get("/api/hvc/links/" + link + "/sync/providers", admin).status()).isEqualTo(404);
        assertThat(http.post("/rest/hvc/links/" + link + "/sync?action=reset", null, admin).status()).isEqualTo(404);
    }

    @Test
    void faultsTargetTheSyncRoutes() {
        start("7.0.2", Duration.ZERO);
        sim.injectFaults(Fault.parse("sync:error=SERVICE_UNAVAILABLE"));
        assertThat(http.get("/api/hvc/links/" + link + "/sync/providers", admin).errorType())
                .isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(http.get("/api/hvc/links", admin).status()).as("other routes untouched").isEqualTo(200);
    }

    @Test
    void theSdksReachSyncOverJsonRpc() {
        start("7.0.2", Duration.ZERO);
        String token = http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword());
        Reply reply = http.post("/api", JsonRpcIT.invoke("1", "com.vmware.vcenter.hvc.links.sync.providers", "get",
                Map.of("link", link, "provider", "identity"), JsonRpcIT.session(token)), "Content-Type", "application/json");
        JsonNode info = reply.json().path("result").path("output").path("STRUCTURE")
                .path("com.vmware.vcenter.hvc.links.sync.providers.info");
        assertThat(info.path("status").asText()).as(reply.body()).isEqualTo("SUCCEEDED");
        assertThat(info.path("current_session_info").path("OPTIONAL").isNull()).as(reply.body()).isTrue();
        Reply reset = http.post("/api", JsonRpcIT.invoke("2", "com.vmware.vcenter.hvc.links.sync", "reset",
                Map.of("link", link), JsonRpcIT.session(token)), "Content-Type", "application/json");
        assertThat(reset.json().path("result").has("output")).as(reset.body()).isTrue();
    }
}
