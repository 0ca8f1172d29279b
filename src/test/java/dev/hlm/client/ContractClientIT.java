package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.CertificateInfo;
import dev.hlm.api.CreateSpec;
import dev.hlm.api.Credentials;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import dev.hlm.api.Paths;
import dev.hlm.api.VapiError;
import dev.hlm.client.ReplayServer.Answer;
import dev.hlm.client.ReplayServer.Received;
import dev.hlm.contract.ContractFixture;
import dev.hlm.contract.JsonShape;
import dev.hlm.tls.GeneratedCertificate;
import dev.hlm.tls.TrustPolicy;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client against every contract fixture (src/test/resources/contract): a canned server answers the
 * fixture's request with the fixture's answer, and the real {@link HlmClient} must have sent exactly the
 * fixture's request and decode the answer: a success into its records (which must write back the fixture's
 * fields, so a field the client's record names differently fails here), an error into the
 * {@link ApiException} of its type, and the unknown-route shapes (D13) into NOT_FOUND.
 */
class ContractClientIT {
    private static final GeneratedCertificate SERVER = GeneratedCertificate.builder("hlm-contract-replay").build();
    private static final GeneratedCertificate PSC = GeneratedCertificate.builder("hlm-contract-psc").build();

    /** The REST fixtures: the client does not speak JSON-RPC (only the SDKs do; the simulator suite checks those). */
    static List<ContractFixture> fixtures() {
        return ContractFixture.rest();
    }

    static List<ContractFixture> routesSomeVersionsLack() {
        return fixtures().stream().filter(ContractFixture::isRouteNotFound)
                .filter(f -> f.operation().startsWith("links.") && !f.version().equals(NO_HLM_API)).toList();
    }

    /** The release without the HLM API (decision D22): its routing 404s. */
    private static final String NO_HLM_API = "9.1";

    static List<ContractFixture> routesOfAReleaseWithoutHlm() {
        return fixtures().stream().filter(f -> f.isRouteNotFound() && f.version().equals(NO_HLM_API)
                && !f.operation().startsWith("route.")).toList();
    }

    /** What the request placeholders stand for; any plausible values do, the server is canned. */
    private static Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        values.put("psc_hostname", "vc01.corp.local");
        values.put("psc_port", "443");
        values.put("domain_name", "vsphere.local");
        values.put("psc_username", "administrator@vsphere.local");
        values.put("psc_password", "psc-secret");
        values.put("psc_thumbprint", PSC.sha256().toString());
        values.put("psc_certificate", PSC.pem());
        values.put("link", "6f1c2a9e-0a0b-4c2b-9d1a-0a0b0c0d0e0f");
        values.put("unknown_link", "no-such-link");
        values.put("provider", "identity");
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theClientSendsTheRequestAndDecodesTheAnswer(ContractFixture fixture) {
        if (fixture.isRouteNotFound()) {
            VapiError decoded = Answers.decodeError(fixture.body(), fixture.status());
            assertThat(decoded).as(fixture + ": decodes as a vAPI error").isNotNull();
            assertThat(decoded.errorType()).as(fixture.toString()).isEqualTo(ErrorType.NOT_FOUND);
            return;
        }
        Map<String, String> values = values();
        try (ReplayServer server = new ReplayServer(SERVER, request -> answer(fixture, request))) {
            Object[] result = new Object[1];
            Throwable thrown;
            try (HlmClient vc = client(server, fixture)) {
                thrown = catchThrowable(() -> result[0] = call(vc, fixture, values));
            }
            checkRequest(fixture, values, server.received());
            if (fixture.isOk()) {
                assertThat(thrown).as(fixture.toString()).isNull();
                if (fixture.result() != null && result[0] != null) {
                    assertThat(JsonShape.differences(fixture.result(), Json.mapper().valueToTree(result[0])))
                            .as(fixture + ": the decoded result, written back").isEmpty();
                }
            } else {
                checkError(fixture, thrown);
            }
        }
    }

    /** A route the server's version lacks is never called: refused by the client itself, or (unlink) replaced. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("routesSomeVersionsLack")
    void theClientNeverCallsARouteTheVersionLacks(ContractFixture fixture) {
        Map<String, String> values = values();
        Replayed run = replay(fixture, values);
        if (fixture.operation().equals("links.delete_with_credentials")) {
            // The one unlink entry point unlinks as the server wants: where the call with credentials is
            // missing, with DELETE, and the on-prem credentials never leave the client.
            String prefix = fixture.isRest() ? Flavor.REST.prefix() : Flavor.API.prefix();
            assertThat(run.received()).as(fixture.toString()).extracting(r -> r.method() + " " + r.path())
                    .contains("DELETE " + prefix + Paths.link(values.get("link")));
            assertThat(run.received()).extracting(Received::body).noneMatch(b -> b != null && b.contains("password"));
        } else {
            assertThat(run.thrown()).as(fixture.toString()).isInstanceOfSatisfying(ApiException.Unsupported.class,
                    e -> assertThat(e.raisedByClient()).isTrue());
        }
        assertThat(run.received()).extracting(Received::path).doesNotContain(fixture.path(values));
    }

    /**
     * On a release without the HLM API the client sends the call (a plain create never asks the version first),
     * and then, from the routing 404 and the version, says that the vCenter has no HLM API.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("routesOfAReleaseWithoutHlm")
    void onAReleaseWithoutHlmTheClientSaysSoInsteadOfNotFound(ContractFixture fixture) {
        Map<String, String> values = values();
        Replayed run = replay(fixture, values);
        assertThat(run.thrown()).as(fixture.toString()).isInstanceOfSatisfying(ApiException.Unsupported.class,
                e -> assertThat(e.getMessage()).contains("no Hybrid Linked Mode API"));
        assertThat(run.received()).extracting(Received::path).contains(fixture.path(values));
    }

    /** What the client threw running the fixture's operation against the fixture's answers, and what it sent. */
    private record Replayed(Throwable thrown, List<Received> received) {}

    private static Replayed replay(ContractFixture fixture, Map<String, String> values) {
        try (ReplayServer server = new ReplayServer(SERVER, request -> answer(fixture, request))) {
            Throwable thrown;
            try (HlmClient vc = client(server, fixture)) {
                thrown = catchThrowable(() -> call(vc, fixture, values));
            }
            return new Replayed(thrown, server.received());
        }
    }

    private static HlmClient client(ReplayServer server, ContractFixture fixture) {
        return HlmClient.builder()
                .server(server.url())
                .username("cloudadmin@vmc.local")
                .password("cloud-secret".toCharArray())
                .trust(TrustPolicy.certificates(List.of(SERVER.certificate())))
                .flavor(fixture.isRest() ? HlmClient.FlavorChoice.REST : HlmClient.FlavorChoice.API)
                .build();
    }

    /** The fixture's answer to its own request; a plain login, version and logout around it. */
    private static Answer answer(ContractFixture fixture, Received request) {
        Flavor flavor = fixture.isRest() ? Flavor.REST : Flavor.API;
        boolean session = request.path().equals(flavor.sessionPath());
        if (session && request.method().equals("POST") && !fixture.operation().equals("session.login")) {
            return new Answer(flavor == Flavor.API ? 201 : 200,
                    flavor == Flavor.API ? "\"token-1\"" : "{\"value\": \"token-1\"}");
        }
        if (session && request.method().equals("DELETE") && !fixture.operation().equals("session.logout")) {
            return new Answer(flavor == Flavor.API ? 204 : 200, null);
        }
        if (request.path().endsWith(Paths.SYSTEM_VERSION) && !fixture.operation().equals("system.version")) {
            return versionOf(fixture, request.path().startsWith("/rest"));
        }
        return new Answer(fixture.status(), fixture.body() == null ? null : Json.write(fixture.body()));
    }

    /** The version endpoint's answer for the fixture's server, from the version fixture itself. */
    private static Answer versionOf(ContractFixture fixture, boolean rest) {
        ContractFixture version = fixtures().stream()
                .filter(f -> f.operation().equals("system.version") && f.isOk() && f.isRest() == rest)
                .findFirst().orElseThrow();
        Map<String, String> values = Map.of("version", fixture.version(), "product",
                fixture.role().equals("gateway") ? "VMware vCenter Cloud Gateway" : "VMware vCenter Server");
        return new Answer(200, Json.write(ContractFixture.fill(version.body(), values)));
    }

    /** Runs the client operation the fixture describes, with the fixture's arguments; its result or null. */
    private static Object call(HlmClient vc, ContractFixture fixture, Map<String, String> values)
            throws JsonProcessingException {
        JsonNode body = ContractFixture.fill(fixture.request().body(), values);
        String link = fixture.request().path().contains("<unknown_link>") ? values.get("unknown_link") : values.get("link");
        switch (fixture.operation()) {
            case "session.login" -> vc.login();
            case "session.logout" -> {
                vc.login();
                vc.close();
            }
            case "links.create" -> {
                return vc.createLink(Json.mapper().treeToValue(fixture.isRest() ? body.get("spec") : body, CreateSpec.class)).id();
            }
            case "links.list" -> {
                return vc.listLinks();
            }
            case "links.get" -> {
                return vc.getLink(link);
            }
            case "links.delete" -> vc.deleteLink(link, Optional.empty());
            case "links.delete_with_credentials" ->
                    vc.deleteLink(link, Optional.of(Json.mapper().treeToValue(body.get("credentials"), Credentials.class)));
            case "links.sync.reset" -> vc.resetSync(link);
            case "links.sync.providers.list" -> {
                return vc.syncProviders(link);
            }
            case "links.sync.providers.get" -> {
                return vc.syncProvider(link, fixture.request().path().contains("<provider>")
                        ? values.get("provider") : "no-such-provider");
            }
            case "links.sync.providers.start" -> vc.startSync(link, values.get("provider"));
            case "administrators.get" -> {
                return vc.administrators();
            }
            case "administrators.set" -> {
                List<String> groups = new ArrayList<>();
                body.get("group_names").forEach(g -> groups.add(g.asText()));
                vc.setAdministrators(groups);
            }
            case "administrators.add" -> vc.addAdministrator(body.get("group_name").asText());
            case "administrators.remove" -> vc.removeAdministrator(body.get("group_name").asText());
            case "system.version" -> {
                return vc.version();
            }
            default -> throw new IllegalArgumentException(fixture + ": no client operation for " + fixture.operation());
        }
        return null;
    }

    /** The client sent the fixture's request: method, path and body, exactly. */
    private static void checkRequest(ContractFixture fixture, Map<String, String> values, List<Received> received) {
        String path = fixture.path(values);
        List<Received> matching = received.stream()
                .filter(r -> r.method().equals(fixture.request().method()) && r.path().equals(path)).toList();
        // An expired session (UNAUTHENTICATED) makes the client log in again once and repeat the call, which
        // is safe because the server checks the session before doing anything; every other answer is final.
        int sends = fixture.status() == 401 && !fixture.operation().startsWith("session.") ? 2 : 1;
        assertThat(matching).as(fixture + ": the client's requests " + received).hasSize(sends);
        Received sent = matching.get(0);
        JsonNode expected = ContractFixture.fill(fixture.request().body(), values);
        if (expected == null) {
            assertThat(sent.body()).as(fixture + ": request body").isEmpty();
        } else {
            try {
                assertThat(Json.mapper().readTree(sent.body())).as(fixture + ": request body").isEqualTo(expected);
            } catch (JsonProcessingException e) {
                throw new AssertionError(fixture + ": the request body is not JSON", e);
            }
        }
        if (!fixture.operation().equals("session.login")) {
            assertThat(sent.sessionHeader()).as(fixture + ": the session header").isEqualTo("token-1");
        }
    }

    private static void checkError(ContractFixture fixture, Throwable thrown) {
        assertThat(thrown).as(fixture.toString()).isInstanceOf(ApiException.class);
        ApiException e = (ApiException) thrown;
        assertThat(e.errorType()).as(fixture.toString()).isEqualTo(fixture.errorType());
        assertThat(e.errorType().name()).as(fixture + ": the outcome names the type").isEqualTo(fixture.outcome());
        assertThat(e.httpStatus()).as(fixture.toString()).isEqualTo(fixture.status());
        assertThat(e.raisedByClient()).isFalse();
        JsonNode data = fixture.isRest() ? fixture.body().path("value").path("data") : fixture.body().path("data");
        if (data.has("ssl_thumbprint")) {
            CertificateInfo info = e.certificateInfo().orElseThrow(() -> new AssertionError(fixture + ": no certificate info"));
            assertThat(Json.mapper().<JsonNode>valueToTree(info)).as(fixture + ": certificate info").isEqualTo(data);
        }
    }
}
