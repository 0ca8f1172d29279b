package dev.hlm.sim;

import static dev.hlm.sim.SimFixtures.goodSpec;
import static dev.hlm.sim.SimFixtures.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Json;
import dev.hlm.contract.ContractFixture;
import dev.hlm.contract.JsonShape;
import dev.hlm.sim.SimHttp.Reply;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator against every contract fixture (src/test/resources/contract): a fresh simulator of the
 * fixture's version and role, the state the fixture's {@code given} names, then the fixture's request as raw
 * HTTPS (no dev.hlm.client). The answer must have the fixture's status and its body's shape.
 */
class ContractSimulatorIT {
    static List<ContractFixture> fixtures() {
        return ContractFixture.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theSimulatorAnswersAsTheContractSays(ContractFixture fixture) {
        try (Simulator sim = Simulator.builder()
                .apiVersion(ApiVersion.parse(fixture.version()))
                .role(Role.parse(fixture.role()))
                .build()) {
            SimHttp http = SimHttp.cloud(sim);
            Map<String, String> values = values(sim);
            establish(fixture.given(), sim, http, values);

            JsonNode body = ContractFixture.fill(fixture.request().body(), values);
            String[] headers;
            if (fixture.isJsonRpc()) {
                // The SDKs carry credentials in the body's security context: <session_id>, <cloud_password>.
                if (fixture.request().auth().equals("session")) {
                    values.put("session_id", http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
                }
                body = ContractFixture.fill(fixture.request().body(), values);
                headers = new String[] {"Content-Type", "application/json"};
            } else {
                headers = auth(fixture.request().auth(), sim, http);
            }
            Reply reply = http.send(fixture.request().method(), fixture.path(values),
                    body == null ? null : Json.write(body), headers);

            assertThat(reply.status()).as(fixture + ": status; body " + reply.body()).isEqualTo(fixture.status());
            if (fixture.body() == null) {
                assertThat(reply.body()).as(fixture + ": no body").isEmpty();
            } else {
                assertThat(JsonShape.differences(fixture.body(), reply.json()))
                        .as(fixture + ": the answer's shape; answer " + reply.body()).isEmpty();
            }
        }
    }

    /** What the request placeholders stand for, on this simulator. */
    private static Map<String, String> values(Simulator sim) {
        Map<String, String> values = new HashMap<>();
        values.put("psc_hostname", sim.pscHostname());
        values.put("psc_port", Integer.toString(sim.pscPort()));
        values.put("domain_name", sim.domainName());
        values.put("psc_username", sim.pscAdminUsername());
        values.put("psc_password", new String(sim.pscAdminPassword()));
        values.put("psc_thumbprint", sim.pscCertificate().sha256().toString());
        values.put("psc_certificate", sim.pscCertificate().pem());
        values.put("unknown_link", "no-such-link");
        values.put("provider", "identity");
        values.put("cloud_username", sim.cloudAdminUsername());
        values.put("cloud_password", new String(sim.cloudAdminPassword()));
        return values;
    }

    /** Sets up the fixture's {@code given}, over {@code /rest}, which every version has. */
    private static void establish(List<String> given, Simulator sim, SimHttp http, Map<String, String> values) {
        String[] admin = SimHttp.session(http.loginRest(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
        for (String state : given) {
            switch (state) {
                case "linked" -> {
                    Reply created = http.post("/rest/hvc/links", rest(goodSpec(sim)), admin);
                    assertThat(created.status()).as(created.body()).isEqualTo(200);
                    values.put("link", created.json().path("value").asText());
                }
                case "admin_group" -> assertThat(http.post("/rest/hvc/management/administrators?action=add",
                        "{\"group_name\": \"ops@corp.local\"}", admin).status()).isEqualTo(200);
                case "psc_stopped" -> sim.stopPsc();
                case "sync_running" -> assertThat(http.post("/rest/hvc/links/" + values.get("link")
                        + "/sync/providers/" + values.get("provider") + "?action=start", null, admin).status()).isEqualTo(200);
                default -> throw new IllegalArgumentException("unknown given: " + state);
            }
        }
    }

    /** The headers of the fixture's {@code auth}. */
    private static String[] auth(String auth, Simulator sim, SimHttp http) {
        return switch (auth) {
            case "none" -> new String[0];
            case "session" -> SimHttp.session(http.loginRest(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
            case "read_only_session" -> SimHttp.session(http.loginRest(sim.readOnlyUsername(), sim.readOnlyPassword()));
            case "basic" -> new String[] {"Authorization", SimHttp.basic(sim.cloudAdminUsername(), sim.cloudAdminPassword())};
            case "basic_wrong_password" ->
                    new String[] {"Authorization", SimHttp.basic(sim.cloudAdminUsername(), "wrong-password".toCharArray())};
            default -> throw new IllegalArgumentException("unknown auth: " + auth);
        };
    }
}
