package dev.hlm.sim;

import static dev.hlm.sim.SimFixtures.api;
import static dev.hlm.sim.SimFixtures.goodSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.hlm.api.Json;
import dev.hlm.sim.SimHttp.Reply;
import dev.hlm.sim.fault.Fault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * vAPI JSON-RPC on {@code POST /api}, as the official SDKs send it, over real HTTPS: the typed answers the runtimes
 * decode, the errors they raise as typed exceptions, the envelope's own errors for what is not a vAPI call, and
 * one simulator behind both dialects (sessions, links, faults and counters shared with REST).
 */
class JsonRpcIT {
    private Simulator sim;
    private SimHttp http;

    private void start(SimulatorBuilder builder) {
        sim = builder.build();
        http = SimHttp.cloud(sim);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    /** A JSON-RPC request body as the Python runtime writes it. */
    static String invoke(Object id, String service, String operation, Map<String, Object> inputFields,
            Map<String, Object> securityCtx) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("serviceId", service);
        params.put("operationId", operation);
        params.put("input", Map.of("STRUCTURE", Map.of("operation-input", inputFields)));
        params.put("ctx", securityCtx == null ? Map.of("appCtx", Map.of())
                : Map.of("appCtx", Map.of(), "securityCtx", securityCtx));
        return Json.write(Map.of("jsonrpc", "2.0", "method", "invoke", "id", id, "params", params));
    }

    static Map<String, Object> session(String token) {
        return Map.of("schemeId", "com.vmware.vapi.std.security.session_id", "sessionId", token);
    }

    static Map<String, Object> userPass(String user, char[] password) {
        return Map.of("schemeId", "com.vmware.vapi.std.security.user_pass", "userName", user,
                "password", new String(password));
    }

    private Reply call(String body) {
        return http.post("/api", body, "Content-Type", "application/json");
    }

    /** The answer's {@code result}, after checking the envelope every answer has. */
    private static JsonNode result(Reply reply, Object id) {
        assertThat(reply.status()).as("JSON-RPC answers are HTTP 200; body " + reply.body()).isEqualTo(200);
        JsonNode answer = reply.json();
        assertThat(answer.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(answer.path("id").asText()).isEqualTo(String.valueOf(id));
        assertThat(answer.has("result")).as(reply.body()).isTrue();
        return answer.get("result");
    }

    /** The vAPI error value's type name and its fields. */
    private static Map.Entry<String, JsonNode> error(JsonNode result) {
        assertThat(result.has("error")).as(result.toString()).isTrue();
        return result.path("error").path("ERROR").fields().next();
    }

    private String login() {
        JsonNode result = result(call(invoke("1", "com.vmware.cis.session", "create", Map.of(),
                userPass(sim.cloudAdminUsername(), sim.cloudAdminPassword()))), "1");
        String token = result.path("output").path("SECRET").asText();
        assertThat(token).as(result.toString()).isNotEmpty();
        return token;
    }

    private static Map<String, Object> typedSpec(Simulator sim, boolean withThumbprint) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("psc_hostname", sim.pscHostname());
        fields.put("port", Map.of("OPTIONAL", Integer.toString(sim.pscPort())));
        fields.put("domain_name", sim.domainName());
        fields.put("username", sim.pscAdminUsername());
        fields.put("password", Map.of("SECRET", new String(sim.pscAdminPassword())));
        fields.put("ssl_thumbprint", withThumbprint
                ? Map.of("OPTIONAL", sim.pscCertificate().sha256().toString()) : Map.of("OPTIONAL", NullNode.instance));
        fields.put("admin_groups", Map.of("OPTIONAL", List.of("vmc-admins@" + sim.domainName())));
        return Map.of("spec", Map.of("STRUCTURE", Map.of("com.vmware.vcenter.hvc.links.create_spec", fields)));
    }

    @Nested
    class TheSdkWalkThrough {
        @Test
        void loginCreateListGetAndLogoutAnswerInTheTypesTheBindingsRead() {
            start(Simulator.builder().apiVersion(ApiVersion.parse("8.0.1")));
            String token = login();

            JsonNode who = result(call(invoke(2, "com.vmware.cis.session", "get", Map.of(), session(token))), 2);
            JsonNode info = who.path("output").path("STRUCTURE").path("com.vmware.cis.session.info");
            assertThat(info.path("user").asText()).isEqualTo(sim.cloudAdminUsername());
            assertThat(info.path("created_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

            JsonNode created = result(call(invoke("3", "com.vmware.vcenter.hvc.links", "create",
                    typedSpec(sim, true), session(token))), "3");
            String link = created.path("output").asText();
            assertThat(sim.links()).extracting(s -> s.link()).containsExactly(link);

            JsonNode list = result(call(invoke("4", "com.vmware.vcenter.hvc.links", "list", Map.of(), session(token))), "4");
            assertThat(list.path("output")).hasSize(1);
            JsonNode summary = list.path("output").get(0).path("STRUCTURE").path("com.vmware.vcenter.hvc.links.summary");
            assertThat(summary.path("link").asText()).isEqualTo(link);
            assertThat(summary.path("display_name").asText()).isEqualTo(sim.domainName());

            JsonNode get = result(call(invoke("5", "com.vmware.vcenter.hvc.links", "get", Map.of("link", link),
                    session(token))), "5");
            JsonNode health = get.path("output").path("STRUCTURE").path("com.vmware.vcenter.hvc.links.info");
            assertThat(health.path("connection_health_status").path("OPTIONAL").asText()).isEqualTo("HEALTHY");
            assertThat(health.path("health_status_message").has("OPTIONAL")).as(health.toString()).isTrue();

            JsonNode logout = result(call(invoke("6", "com.vmware.cis.session", "delete", Map.of(), session(token))), "6");
            assertThat(logout.has("output")).isTrue();
            assertThat(logout.get("output").isNull()).as("void is null").isTrue();
            assertThat(sim.openSessions()).isZero();
        }

        @Test
        void aCreateWithoutThumbprintRaisesUnverifiedPeerWithTheCertificateAsData() {
            start(Simulator.builder().apiVersion(ApiVersion.parse("8.0.1")));
            String token = login();
            Map.Entry<String, JsonNode> error = error(result(call(invoke("1", "com.vmware.vcenter.hvc.links",
                    "create", typedSpec(sim, false), session(token))), "1"));
            assertThat(error.getKey()).isEqualTo("com.vmware.vapi.std.errors.unverified_peer");
            assertThat(error.getValue().path("data").path("OPTIONAL").path("STRUCTURE")
                    .path("com.vmware.vcenter.hvc.links.certificate_info").path("ssl_thumbprint").asText())
                    .isEqualTo(sim.pscCertificate().sha256().toString());
            assertThat(error.getValue().path("error_type").path("OPTIONAL").asText()).isEqualTo("UNVERIFIED_PEER");
            assertThat(error.getValue().path("messages").get(0).path("STRUCTURE")
                    .path("com.vmware.vapi.std.localizable_message").path("default_message").asText())
                    .contains("Unable to verify the SSL certificate");
            assertThat(sim.links()).isEmpty();
        }

        @Test
        void administratorsAreAddedListedAsASetAndRemoved() {
            start(Simulator.builder().apiVersion(ApiVersion.parse("8.0.1")));
            String token = login();
            result(call(invoke("1", "com.vmware.vcenter.hvc.management.administrators", "add",
                    Map.of("group_name", "ops@corp.local"), session(token))), "1");
            JsonNode get = result(call(invoke("2", "com.vmware.vcenter.hvc.management.administrators", "get",
                    Map.of(), session(token))), "2");
            assertThat(get.path("output").toString()).isEqualTo("[\"ops@corp.local\"]");
            result(call(invoke("3", "com.vmware.vcenter.hvc.management.administrators", "set",
                    Map.of("group_names", List.of("a@corp.local", "b@corp.local")), session(token))), "3");
            assertThat(sim.administrators()).containsExactlyInAnyOrder("a@corp.local", "b@corp.local");
            result(call(invoke("4", "com.vmware.vcenter.hvc.management.administrators", "remove",
                    Map.of("group_name", "a@corp.local"), session(token))), "4");
            assertThat(sim.administrators()).containsExactly("b@corp.local");
        }

        @Test
        void unlinkWithCredentialsTakesTheCredentialsStructure() {
            start(Simulator.builder().apiVersion(ApiVersion.parse("8.0.1")));
            String token = login();
            String link = http.post("/api/hvc/links", api(goodSpec(sim)), SimHttp.session(token)).json().asText();
            Map<String, Object> credentials = Map.of("STRUCTURE", Map.of("com.vmware.vcenter.hvc.links.credentials",
                    Map.of("user_name", sim.pscAdminUsername(),
                            "password", Map.of("SECRET", new String(sim.pscAdminPassword())))));
            JsonNode result = result(call(invoke("1", "com.vmware.vcenter.hvc.links", "delete_with_credentials",
                    Map.of("link", link, "credentials", Map.of("OPTIONAL", credentials)), session(token))), "1");
            assertThat(result.has("output")).as(result.toString()).isTrue();
            assertThat(sim.links()).isEmpty();
        }
    }

    @Nested
    class TypedErrors {
        @Test
        void anUnknownLinkIsNotFoundAndASecondCreateAlreadyExists() {
            start(Simulator.builder().apiVersion(ApiVersion.parse("8.0.1")));
            String token = login();
            assertThat(error(result(call(invoke("1", "com.vmware.vcenter.hvc.links", "get",
                    Map.of("link", "no-such-link"), session(token))), "1")).getKey())
                    .isEqualTo("com.vmware.vapi.std.errors.not_found");
            result(call(invoke("2", "com.vmware.vcenter.hvc.links", "create", typedSpec(sim, true), session(token))), "2");
            assertThat(error(result(call(invoke("3", "com.vmware.vcenter.hvc.links", "create", typedSpec(sim, true),
                    session(token))), "3")).getKey()).isEqualTo("com.vmware.vapi.std.errors.already_exists");
        }

        @Test
        void noSessionIsUnauthenticatedWithTheChallengeAndAWrongPasswordTooWithoutASession() {
            start(Simulator.builder().apiVersion(ApiVersion.parse("8.0.1")));
            Map.Entry<String, JsonNode> none = error(result(call(invoke("1", "com.vmware.vcenter.hvc.links", "list",
                    Map.of(), null)), "1"));
            assertThat(none.getKey()).isEqualTo("com.vmware.vapi.std.errors.unauthenticated");
            assertThat(none.getValue().path("challenge").path("OPTIONAL").asText()).startsWith("Basic realm=");
            Map.Entry<String, JsonNode> wrong = error(result(call(invoke("2", "com.vmware.cis.session", "create",
                    Map.of(), userPass(sim.cloudAdminUsername(), "wrong".toCharArray()))), "2"));
            assertThat(wrong.getKey()).isEqualTo("com.vmware.vapi.std.errors.unauthenticated");
            assertThat(sim.openSessions()).isZero();
        }

        @Test
        void aReadOnlyUserIsUnauthorizedAndAMissingFieldIsAnInvalidArgumentNamingIt() {
            start(Simulator.builder().apiVersion(ApiVersion.parse("8.0.1")));
            String readOnly = result(call(invoke("1", "com.vmware.cis.session", "create", Map.of(),
                    userPass(sim.readOnlyUsername(), sim.readOnlyPassword()))), "1").path("output").path("SECRET").asText();
            assertThat(error(result(call(invoke("2", "com.vmware.vcenter.hvc.links", "create", typedSpec(sim, true),
                    session(readOnly))), "2")).getKey()).isEqualTo("com.vmware.vapi.std.errors.unauthorized");
            String token = login();
            Map.Entry<String, JsonNode> missing = error(result(call(invoke("3", "com.vmware.vcenter.hvc.links",
                    "create", Map.of(), session(token))), "3"));
            assertThat(missing.getKey()).isEqualTo("com.vmware.vapi.std.errors.invalid_argument");
            assertThat(missing.getValue().toString()).contains("spec");
        }

        @Test
        void anOperationTheVersionLacksIsOperationNotFound() {
            start(Simulator.builder().apiVersion(ApiVersion.parse("7.0.2")));
            String token = login();
            assertThat(error(result(call(invoke("1", "com.vmware.vcenter.hvc.links", "get", Map.of("link", "x"),
                    session(token))), "1")).getKey()).isEqualTo("com.vmware.vapi.std.errors.operation_not_found");
            assertThat(error(result(call(invoke("2", "com.vmware.vcenter.no_such_service", "list", Map.of(),
                    session(token))), "2")).getKey()).isEqualTo("com.vmware.vapi.std.errors.operation_not_found");
        }
    }

    @Nested
    class WhatIsNoVapiCall {
        private JsonNode protocolError(String body) {
            Reply reply = call(body);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().has("result")).isFalse();
            return reply.json();
        }

        @Test
        void eachMalformedRequestGetsItsJsonRpcErrorCode() {
            start(Simulator.builder());
            JsonNode notJson = protocolError("{not json");
            assertThat(notJson.path("error").path("code").asInt()).isEqualTo(-32700);
            assertThat(notJson.get("id").isNull()).isTrue();
            assertThat(protocolError("{\"jsonrpc\": \"1.0\", \"method\": \"invoke\", \"id\": \"1\"}")
                    .path("error").path("code").asInt()).isEqualTo(-32600);
            JsonNode method = protocolError("{\"jsonrpc\": \"2.0\", \"method\": \"call\", \"id\": \"7\", \"params\": {}}");
            assertThat(method.path("error").path("code").asInt()).isEqualTo(-32601);
            assertThat(method.path("id").asText()).isEqualTo("7");
            assertThat(protocolError("{\"jsonrpc\": \"2.0\", \"method\": \"invoke\", \"id\": 8, \"params\": "
                    + "{\"serviceId\": \"com.vmware.cis.session\", \"operationId\": \"create\", \"input\": {\"A\": 1, \"B\": 2}}}")
                    .path("error").path("code").asInt()).isEqualTo(-32602);
        }

        @Test
        void version67HasNoJsonRpcEndpointAndAnswersTheUnknownRoute() {
            start(Simulator.builder().apiVersion(ApiVersion.parse("6.7")));
            Reply reply = call(invoke("1", "com.vmware.cis.session", "create", Map.of(),
                    userPass(sim.cloudAdminUsername(), sim.cloudAdminPassword())));
            assertThat(reply.status()).isEqualTo(404);
            assertThat(sim.openSessions()).isZero();
        }
    }

    @Nested
    class OneSimulatorForBothDialects {
        @Test
        void aJsonRpcSessionWorksOverRestAndARestLinkIsListedOverJsonRpc() {
            start(Simulator.builder());
            String token = login();
            Reply created = http.post("/api/hvc/links", api(goodSpec(sim)), SimHttp.session(token));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode list = result(call(invoke("2", "com.vmware.vcenter.hvc.links", "list", Map.of(), session(token))), "2");
            assertThat(list.path("output").get(0).toString()).contains(created.json().asText());
        }

        @Test
        void faultsTargetTheOperationAndAnswerInJsonRpc() {
            start(Simulator.builder().fault(Fault.parse("create:error=SERVICE_UNAVAILABLE")));
            String token = login();
            Map.Entry<String, JsonNode> error = error(result(call(invoke("1", "com.vmware.vcenter.hvc.links", "create",
                    typedSpec(sim, true), session(token))), "1"));
            assertThat(error.getKey()).isEqualTo("com.vmware.vapi.std.errors.service_unavailable");
            assertThat(sim.links()).isEmpty();
            assertThat(sim.faultsStruck()).containsValue(1L);
        }

        @Test
        void everyCallIsCountedAndLoggedAsItCameIn() {
            start(Simulator.builder());
            login();
            assertThat(sim.cloudTraffic().requests()).isEqualTo(1);
            assertThat(sim.requests()).extracting(RecordedRequest::path).containsExactly("/api");
        }
    }
}
