package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.AdministratorGroupBody;
import dev.hlm.api.Json;
import dev.hlm.sim.SimHttp.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** Unknown routes (D13), Date headers (D14), request recording and the body limit. */
class RoutingIT extends CloudSession {
    @Test
    void unknownRoutesAnswer404InEachFlavorsShape() {
        Reply api = http.get("/api/hvc/nothing", admin);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.json().path("error_type").asText()).isEqualTo("NOT_FOUND");
        assertThat(api.json().path("messages").isArray()).isTrue();

        Reply rest = http.get("/rest/hvc/nothing", admin);
        assertThat(rest.status()).isEqualTo(404);
        assertThat(rest.json()).isEqualTo(SimHttp.json("""
                {"name": "com.vmware.vapi.rest.httpNotFound",
                 "localizableMessages": [{"defaultMessage": "Not found.", "id": "com.vmware.vapi.rest.httpNotFound"}],
                 "majorErrorCode": 404}
                """));

        assertThat(http.get("/ui").status()).isEqualTo(404);
        assertThat(http.get("/").errorType()).isEqualTo("NOT_FOUND");
        // Unknown routes answer 404 even without a session.
        assertThat(http.get("/api/nothing").status()).isEqualTo(404);
    }

    @Test
    void aKnownPathWithTheWrongMethodOrActionIsNotFound() {
        Reply wrongMethod = http.send("PATCH", "/api/hvc/links", "{}", admin);
        assertThat(wrongMethod.status()).isEqualTo(404);
        assertThat(wrongMethod.errorType()).isEqualTo("NOT_FOUND");
        Reply wrongAction = http.post("/api/hvc/management/administrators?action=explode", "{}", admin);
        assertThat(wrongAction.status()).isEqualTo(404);
        Reply restWrongMethod = http.put("/rest/hvc/links", "{}", admin);
        assertThat(restWrongMethod.json().path("majorErrorCode").asInt()).isEqualTo(404);
    }

    /** {@code ?action=} selects the HVC operations in both flavors; {@code ?~action=} is the legacy session's alone. */
    @Test
    void theLegacyTildeActionSelectsNoHvcOperation() {
        String body = Json.write(new AdministratorGroupBody("ops@corp.local"));
        Reply tilde = http.post("/rest/hvc/management/administrators?~action=add", body, admin);
        assertThat(tilde.json().path("majorErrorCode").asInt()).as(tilde.body()).isEqualTo(404);
        assertThat(sim.administrators()).isEmpty();

        Reply action = http.post("/rest/hvc/management/administrators?action=add", body, admin);
        assertThat(action.status()).as(action.body()).isEqualTo(200);
        assertThat(sim.administrators()).containsExactly("ops@corp.local");
    }

    @Test
    void everyResponseCarriesADateHeader() {
        Reply reply = http.get("/api/hvc/links", admin);
        Instant date = date(reply);
        assertThat(Duration.between(date, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void theDateHeaderRunsOffByTheConfiguredOffsetOnEachServer() {
        try (Simulator skewed = Simulator.builder()
                .clockOffset(Duration.ofMinutes(-15))
                .pscClockOffset(Duration.ofHours(2))
                .build()) {
            SimHttp cloud = SimHttp.cloud(skewed);
            for (int i = 0; i < 3; i++) { // also on a reused connection, and on errors
                Instant cloudDate = date(cloud.get(i == 2 ? "/api/nothing" : "/api/appliance/system/version"));
                assertThat(Duration.between(Instant.now().minus(Duration.ofMinutes(15)), cloudDate).abs())
                        .isLessThan(Duration.ofMinutes(1));
            }
            Instant pscDate = date(SimHttp.psc(skewed).get("/api/appliance/system/version"));
            assertThat(Duration.between(Instant.now().plus(Duration.ofHours(2)), pscDate).abs())
                    .isLessThan(Duration.ofMinutes(1));
            // The skewed clock is the server's clock: session times follow it too.
            String token = cloud.loginApi(skewed.cloudAdminUsername(), skewed.cloudAdminPassword());
            Instant created = Instant.parse(cloud.get("/api/session", SimHttp.session(token))
                    .json().path("created_time").asText());
            assertThat(Duration.between(Instant.now().minus(Duration.ofMinutes(15)), created).abs())
                    .isLessThan(Duration.ofMinutes(1));
        }
    }

    @Test
    void everyRequestIsRecordedWithLowerCaseHeadersAndItsBody() {
        http.post("/api/hvc/management/administrators?action=add", "{\"group_name\": \"ops@corp.local\"}", admin);
        RecordedRequest last = sim.requests().get(sim.requests().size() - 1);
        assertThat(last.method()).isEqualTo("POST");
        assertThat(last.path()).isEqualTo("/api/hvc/management/administrators?action=add");
        assertThat(last.headers()).containsKey("vmware-api-session-id").containsKey("content-type");
        assertThat(last.body()).isEqualTo("{\"group_name\": \"ops@corp.local\"}");
        assertThat(last.toString()).doesNotContain(admin[1]);
        assertThat(sim.requests().get(0).header("Authorization")).isPresent();
        assertThat(sim.pscRequests()).isEmpty();
    }

    @Test
    void anOversizedBodyIsRefusedWithoutReadingItAll() {
        String huge = "{\"group_names\": [\"" + "x".repeat(SimServer.MAX_BODY_BYTES) + "@corp.local\"]}";
        Reply reply = http.put("/api/hvc/management/administrators", huge, admin);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("INVALID_ARGUMENT");
        assertThat(reply.message()).contains("larger than");
        assertThat(sim.administrators()).isEmpty();
    }

    private static Instant date(Reply reply) {
        String header = reply.header("Date").orElseThrow(() -> new AssertionError("no Date header"));
        return ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
