package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.SimHttp.Reply;
import dev.hlm.testing.WithSimulator;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login, who-am-I, logout and session expiry in both flavors (docs/decisions.md B.3, D4, D12). */
@WithSimulator
class SessionIT {
    private static final String API = "/api/session";
    private static final String REST = "/rest/com/vmware/cis/session";

    private Simulator sim;
    private SimHttp http;

    @BeforeEach
    void start(Simulator sim) {
        this.sim = sim;
        http = SimHttp.cloud(sim);
    }

    @Test
    void apiLoginAnswers201WithABareTokenAndWhoAmINamesTheUser() {
        Reply login = http.post(API, null, "Authorization", SimHttp.basic(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
        assertThat(login.status()).isEqualTo(201);
        assertThat(login.header("Content-Type")).contains("application/json");
        assertThat(login.json().isTextual()).isTrue();
        String token = login.json().asText();
        assertThat(token).matches("[0-9a-f]{32}");

        Reply info = http.get(API, SimHttp.session(token));
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().path("user").asText()).isEqualTo("cloudadmin@vmc.local");
        assertThat(info.json().has("created_time")).isTrue();
        assertThat(info.json().has("last_accessed_time")).isTrue();
        assertThat(sim.openSessions()).isEqualTo(1);

        Reply logout = http.delete(API, SimHttp.session(token));
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.body()).isEmpty();
        assertThat(sim.openSessions()).isZero();
        assertThat(http.get(API, SimHttp.session(token)).status()).isEqualTo(401);
    }

    @Test
    void restLoginWrapsTheTokenAndSetsTheCookieThatThenAuthenticates() {
        SimHttp browser = SimHttp.cloudWithCookies(sim);
        Reply login = browser.post(REST, null, "Authorization",
                SimHttp.basic(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
        assertThat(login.status()).isEqualTo(200);
        String token = login.json().path("value").asText();
        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(login.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .isEqualTo("vmware-api-session-id=" + token + "; Path=/rest; Secure; HttpOnly"));

        // No session header: only the cookie the login set (as the original script works).
        Reply links = browser.get("/rest/hvc/links");
        assertThat(links.status()).as(links.body()).isEqualTo(200);
        assertThat(links.json().path("value").isArray()).isTrue();
        assertThat(sim.requests().get(sim.requests().size() - 1).header("vmware-api-session-id")).isEmpty();

        Reply who = browser.post(REST + "?~action=get", null);
        assertThat(who.status()).isEqualTo(200);
        assertThat(who.json().path("value").path("user").asText()).isEqualTo(sim.cloudAdminUsername());

        Reply logout = browser.delete(REST);
        assertThat(logout.status()).isEqualTo(200);
        assertThat(logout.body()).isEmpty();
        assertThat(sim.openSessions()).isZero();
    }

    @Test
    void aTokenFromOneFlavorWorksInTheOther() {
        String token = http.loginRest(sim.cloudAdminUsername(), sim.cloudAdminPassword());
        assertThat(http.get("/api/hvc/links", SimHttp.session(token)).status()).isEqualTo(200);
    }

    @Test
    void badCredentialsAre401InEachFlavorsShape() {
        Reply api = http.post(API, null, "Authorization", SimHttp.basic(sim.cloudAdminUsername(), "wrong".toCharArray()));
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.json().path("error_type").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.json().path("challenge").asText()).isEqualTo("Basic realm=\"VAPI endpoint\"");

        Reply rest = http.post(REST, null, "Authorization", SimHttp.basic("nobody@vmc.local", "x".toCharArray()));
        assertThat(rest.status()).isEqualTo(401);
        assertThat(rest.json().path("type").asText()).isEqualTo("com.vmware.vapi.std.errors.unauthenticated");
        assertThat(rest.json().path("value").path("messages").isArray()).isTrue();
        assertThat(rest.header("Set-Cookie")).isEmpty();

        Reply none = http.post(API, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(sim.openSessions()).isZero();
    }

    @Test
    void missingSessionIs401InTheExactShapesOfTheContract() {
        Reply api = http.get("/api/hvc/links");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.json()).isEqualTo(SimHttp.json("""
                {"error_type": "UNAUTHENTICATED",
                 "messages": [{"args": [], "default_message": "Authentication required.",
                               "id": "com.vmware.vapi.endpoint.method.authentication.required"}],
                 "challenge": "Basic realm=\\"VAPI endpoint\\""}
                """));

        Reply rest = http.get("/rest/hvc/links", "vmware-api-session-id", "0123456789abcdef0123456789abcdef");
        assertThat(rest.status()).isEqualTo(401);
        assertThat(rest.json()).isEqualTo(SimHttp.json("""
                {"type": "com.vmware.vapi.std.errors.unauthenticated",
                 "value": {"messages": [{"args": [], "default_message": "Authentication required.",
                                         "id": "com.vmware.vapi.endpoint.method.authentication.required"}]}}
                """));
    }

    @Test
    void authenticationIsCheckedBeforeTheBody() {
        Reply reply = http.post("/api/hvc/links", "this is not json");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorType()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void anIdleSessionExpires() throws InterruptedException {
        // Long enough that a busy machine cannot stretch the gap between login and first use past it (300 ms
        // once failed so); the sleep past it is what the test is about, and a sleep never ends early.
        try (Simulator quick = Simulator.builder().sessionIdleTimeout(Duration.ofSeconds(2)).build()) {
            SimHttp client = SimHttp.cloud(quick);
            String token = client.loginApi(quick.cloudAdminUsername(), quick.cloudAdminPassword());
            assertThat(client.get("/api/hvc/links", SimHttp.session(token)).status()).isEqualTo(200);
            assertThat(quick.openSessions()).isEqualTo(1);
            Thread.sleep(2_500);
            assertThat(quick.openSessions()).isZero();
            Reply expired = client.get("/api/hvc/links", SimHttp.session(token));
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.errorType()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void thePscLogsInItsAdministratorAndNamesTheUserInItsSsoDomain() {
        SimHttp psc = SimHttp.psc(sim);
        String token = psc.loginApi("Administrator", sim.pscAdminPassword());
        Reply info = psc.get(API, SimHttp.session(token));
        assertThat(info.json().path("user").asText()).isEqualTo("administrator@vsphere.local");
        assertThat(psc.delete(API, SimHttp.session(token)).status()).isEqualTo(204);

        String restToken = psc.loginRest(sim.pscAdminUsername(), sim.pscAdminPassword());
        assertThat(restToken).matches("[0-9a-f]{32}");
        assertThat(psc.post(API, null, "Authorization", SimHttp.basic(sim.pscAdminUsername(), "no".toCharArray()))
                .status()).isEqualTo(401);
        assertThat(sim.pscUrl()).isEqualTo(URI.create("https://127.0.0.1:" + sim.pscPort()));
    }
}
