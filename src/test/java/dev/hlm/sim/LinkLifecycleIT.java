package dev.hlm.sim;

import static dev.hlm.sim.SimFixtures.api;
import static dev.hlm.sim.SimFixtures.goodSpec;
import static dev.hlm.sim.SimFixtures.rest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.SimHttp.Reply;
import org.junit.jupiter.api.Test;

/** The user story of a link after create: list, get (health), delete, delete-with-credentials (B.6.2–B.6.5). */
class LinkLifecycleIT extends CloudSession {
    private String link() {
        Reply reply = http.post("/api/hvc/links", api(goodSpec(sim)), admin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().asText();
    }

    @Test
    void apiStoryListGetDeleteListEmpty() {
        assertThat(http.get("/api/hvc/links", admin).json()).isEqualTo(SimHttp.json("[]"));
        String id = link();

        Reply list = http.get("/api/hvc/links", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).isEqualTo(SimHttp.json(
                "[{\"link\": \"" + id + "\", \"display_name\": \"vsphere.local\"}]"));

        Reply get = http.get("/api/hvc/links/" + id, admin);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json()).isEqualTo(SimHttp.json("{\"connection_health_status\": \"HEALTHY\"}"));

        Reply delete = http.delete("/api/hvc/links/" + id, admin);
        assertThat(delete.status()).isEqualTo(204);
        assertThat(delete.body()).isEmpty();
        assertThat(http.get("/api/hvc/links", admin).json()).isEqualTo(SimHttp.json("[]"));
        assertThat(http.delete("/api/hvc/links/" + id, admin).errorType()).isEqualTo("NOT_FOUND");
    }

    @Test
    void restStoryIsWrappedWith200Everywhere() {
        String[] session = SimHttp.session(http.loginRest(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
        Reply create = http.post("/rest/hvc/links", rest(goodSpec(sim)), session);
        String id = create.json().path("value").asText();

        Reply list = http.get("/rest/hvc/links", session);
        assertThat(list.json()).isEqualTo(SimHttp.json(
                "{\"value\": [{\"link\": \"" + id + "\", \"display_name\": \"vsphere.local\"}]}"));
        Reply get = http.get("/rest/hvc/links/" + id, session);
        assertThat(get.json()).isEqualTo(SimHttp.json("{\"value\": {\"connection_health_status\": \"HEALTHY\"}}"));

        Reply delete = http.delete("/rest/hvc/links/" + id, session);
        assertThat(delete.status()).isEqualTo(200);
        assertThat(delete.body()).isEmpty();
        assertThat(sim.links()).isEmpty();

        Reply gone = http.delete("/rest/hvc/links/" + id, session);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorType()).isEqualTo("com.vmware.vapi.std.errors.not_found");
        assertThat(gone.message()).contains(id);
    }

    @Test
    void healthTurnsUnhealthyWhenThePscStopsAndBackWhenItReturns() {
        String id = link();
        sim.stopPsc();
        Reply get = http.get("/api/hvc/links/" + id, admin);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().path("connection_health_status").asText()).isEqualTo("UNHEALTHY");
        assertThat(get.json().path("health_status_message").path("id").asText())
                .isEqualTo("com.vmware.vcenter.hvc.links.health.unreachable");
        assertThat(get.json().path("health_status_message").path("default_message").asText())
                .isEqualTo("Remote PSC is not reachable.");

        sim.startPsc();
        assertThat(http.get("/api/hvc/links/" + id, admin).json().path("connection_health_status").asText())
                .isEqualTo("HEALTHY");
    }

    @Test
    void getOfAnUnknownLinkIsNotFound() {
        Reply reply = http.get("/api/hvc/links/no-such-link", admin);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorType()).isEqualTo("NOT_FOUND");
        assertThat(reply.message()).contains("no-such-link");
    }

    @Test
    void deleteWithCredentialsChecksThemAtThePsc() {
        String id = link();
        String path = "/api/hvc/links/" + id + "?action=delete";
        Reply wrong = http.post(path, "{\"credentials\": {\"user_name\": \"" + sim.pscAdminUsername()
                + "\", \"password\": \"wrong\"}}", admin);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorType()).isEqualTo("INVALID_ARGUMENT");
        assertThat(wrong.message()).contains("credentials");

        Reply missing = http.post(path, "{}", admin);
        assertThat(missing.errorType()).isEqualTo("INVALID_ARGUMENT");
        assertThat(missing.message()).contains("credentials");

        sim.stopPsc();
        String good = "{\"credentials\": {\"user_name\": \"" + sim.pscAdminUsername() + "\", \"password\": \""
                + new String(sim.pscAdminPassword()) + "\"}}";
        Reply down = http.post(path, good, admin);
        assertThat(down.status()).isEqualTo(500);
        assertThat(down.errorType()).isEqualTo("ERROR");
        assertThat(down.message()).contains("127.0.0.1:" + sim.pscPort());
        assertThat(sim.links()).hasSize(1);

        sim.startPsc();
        Reply ok = http.post(path, good, admin);
        assertThat(ok.status()).as(ok.body()).isEqualTo(204);
        assertThat(sim.links()).isEmpty();
        assertThat(http.post(path, good, admin).errorType()).isEqualTo("NOT_FOUND");
    }

    @Test
    void deleteWithCredentialsIsNotARestRoute() {
        String id = link();
        Reply reply = http.post("/rest/hvc/links/" + id + "?action=delete", "{}", admin);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("name").asText()).isEqualTo("com.vmware.vapi.rest.httpNotFound");
    }

    @Test
    void aReadOnlyUserCanListAndGetButNotDelete() {
        String id = link();
        String[] readOnly = SimHttp.session(http.loginApi(sim.readOnlyUsername(), sim.readOnlyPassword()));
        assertThat(http.get("/api/hvc/links", readOnly).status()).isEqualTo(200);
        assertThat(http.get("/api/hvc/links/" + id, readOnly).status()).isEqualTo(200);
        Reply delete = http.delete("/api/hvc/links/" + id, readOnly);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.message()).contains("HLM.Manage").contains(sim.readOnlyUsername());
        Reply restDelete = http.delete("/rest/hvc/links/" + id, readOnly);
        assertThat(restDelete.errorType()).isEqualTo("com.vmware.vapi.std.errors.unauthorized");
        assertThat(sim.links()).hasSize(1);
    }
}
