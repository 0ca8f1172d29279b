package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Credentials;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import dev.hlm.client.HlmClient.UnlinkMethod;
import dev.hlm.client.ReplayServer.Answer;
import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Role;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.SimulatorExtension;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.GeneratedCertificate;
import dev.hlm.tls.TrustPolicy;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client learns what each simulated version and role is, and adapts (decisions D7, D8, D15). */
@WithSimulator
class NegotiationIT {
    static Stream<Arguments> versionsAndRoles() {
        List<Arguments> all = new ArrayList<>();
        for (ApiVersion v : ApiVersion.values()) {
            if (!v.hasHlm()) {
                continue; // 9.1 has its own story: NoHlmApiIT
            }
            for (Role r : Role.values()) {
                all.add(Arguments.of(v, r));
            }
        }
        return all.stream();
    }

    private static HlmClient client(Simulator sim) {
        return client(sim, HlmClient.FlavorChoice.AUTO);
    }

    private static HlmClient client(Simulator sim, HlmClient.FlavorChoice flavor) {
        return SimulatorExtension.clientOf(sim).flavor(flavor).build();
    }

    private static CreateSpec spec(Simulator sim) {
        return new CreateSpec(sim.pscHostname(), String.valueOf(sim.pscPort()), sim.domainName(),
                sim.pscAdminUsername(), sim.pscAdminPassword(), sim.pscCertificate().sha256().toString(), null, null);
    }

    private static Credentials onPrem(Simulator sim) {
        return new Credentials(sim.pscAdminUsername(), sim.pscAdminPassword());
    }

    private static List<String> calls(Simulator sim) {
        return sim.requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("versionsAndRoles")
    void aboutTellsWhatTheServerIsAndOffers(ApiVersion version, Role role) {
        try (Simulator sim = Simulator.builder().apiVersion(version).role(role).build();
                HlmClient vc = client(sim)) {
            ServerInfo info = vc.about();
            assertThat(info.version()).isEqualTo(version.fullVersion());
            assertThat(info.build()).isEqualTo(version.build());
            assertThat(info.product()).isEqualTo(role.product());
            assertThat(info.role().label()).isEqualTo(role.label());
            assertThat(info.flavor()).isEqualTo(version.hasFlavor(Flavor.API) ? Flavor.API : Flavor.REST);
            assertThat(info.offers(HlmOperation.LINK_GET)).isEqualTo(version.hasLinkGet());
            assertThat(info.offers(HlmOperation.LINK_DELETE_WITH_CREDENTIALS))
                    .isEqualTo(version.hasDeleteWithCredentials() && role == Role.CLOUD_VCENTER);
            assertThat(info.offers(HlmOperation.LINK_CREATE_WITH_CERTIFICATE)).isEqualTo(version.hasSslCertificate());
            assertThat(vc.about()).as("asked once").isSameAs(info);
            assertThat(calls(sim)).filteredOn(c -> c.contains("/appliance/system/version")).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ApiVersion.class, names = "V9_1", mode = EnumSource.Mode.EXCLUDE)
    void aPlainCreateIsLoginCreateLogout(ApiVersion version) {
        try (Simulator sim = Simulator.builder().apiVersion(version).build()) {
            // On 6.7, auto costs one more request (the /api login that finds no /api): force /rest there.
            try (HlmClient vc = client(sim, version == ApiVersion.V6_7 ? HlmClient.FlavorChoice.REST
                    : HlmClient.FlavorChoice.AUTO)) {
                vc.createLink(spec(sim));
            }
            String prefix = version == ApiVersion.V6_7 ? "/rest" : "/api";
            assertThat(calls(sim)).hasSize(3).allMatch(c -> !c.contains("/appliance/"));
            assertThat(calls(sim).get(1)).isEqualTo("POST " + prefix + "/hvc/links");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ApiVersion.class, names = {"V6_7", "V7_0_2"})
    void getOnAServerWithoutItIsRefusedWithoutCallingIt(ApiVersion version) {
        try (Simulator sim = Simulator.builder().apiVersion(version).build(); HlmClient vc = client(sim)) {
            String id = vc.createLink(spec(sim)).id();
            assertThatThrownBy(() -> vc.getLink(id))
                    .isInstanceOfSatisfying(ApiException.Unsupported.class, e -> {
                        assertThat(e.raisedByClient()).isTrue();
                        assertThat(e.httpStatus()).isZero();
                        assertThat(e.serverMessage()).contains("8.0 Update 1").contains(version.fullVersion());
                    });
            assertThat(calls(sim)).noneMatch(c -> c.startsWith("GET ") && c.contains("/hvc/links/"));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("versionsAndRoles")
    void unlinkUsesCredentialsOnlyWhereTheServerHasThem(ApiVersion version, Role role) {
        try (Simulator sim = Simulator.builder().apiVersion(version).role(role).build(); HlmClient vc = client(sim)) {
            String first = vc.createLink(spec(sim)).id();
            UnlinkMethod used = vc.deleteLink(first, Optional.of(onPrem(sim)));
            boolean withCredentials = version.hasDeleteWithCredentials() && role == Role.CLOUD_VCENTER;
            assertThat(used).isEqualTo(withCredentials ? UnlinkMethod.DELETE_WITH_CREDENTIALS : UnlinkMethod.DELETE);
            assertThat(calls(sim)).anyMatch(c -> withCredentials
                    ? c.startsWith("POST ") && c.endsWith("/hvc/links/" + first + "?action=delete")
                    : c.startsWith("DELETE ") && c.endsWith("/hvc/links/" + first));

            String second = vc.createLink(spec(sim)).id();
            assertThat(vc.deleteLink(second, Optional.empty())).as("no credentials: DELETE").isEqualTo(UnlinkMethod.DELETE);
            assertThat(sim.links()).isEmpty();
        }
    }

    @Test
    void unlinkWithoutCredentialsAsksNothingFirst() {
        try (Simulator sim = Simulator.builder().build()) {
            String id;
            try (HlmClient vc = client(sim)) {
                id = vc.createLink(spec(sim)).id();
            }
            int before = sim.requests().size();
            try (HlmClient vc = client(sim)) {
                vc.deleteLink(id, Optional.empty());
            }
            assertThat(calls(sim).subList(before, sim.requests().size()))
                    .containsExactly("POST /api/session", "DELETE /api/hvc/links/" + id, "DELETE /api/session");
        }
    }

    @Test
    void overRestAn801ServerHasGetButNoUnlinkWithCredentials(Simulator sim) {
        try (HlmClient vc = client(sim, HlmClient.FlavorChoice.REST)) {
            String id = vc.createLink(spec(sim)).id();
            assertThat(vc.about().flavor()).isEqualTo(Flavor.REST);
            assertThat(vc.getLink(id).connectionHealthStatus()).isNotNull();
            assertThat(vc.about().offers(HlmOperation.LINK_DELETE_WITH_CREDENTIALS)).as("no /rest route").isFalse();
            assertThat(vc.deleteLink(id, Optional.of(onPrem(sim)))).isEqualTo(UnlinkMethod.DELETE);
            assertThat(calls(sim)).as("the credentials are not sent where the call does not exist")
                    .noneMatch(call -> call.contains("action=delete"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ApiVersion.class, names = {"V8_0_1", "V9_0"})
    void aCertificateGoesAsItselfTo90AndAsItsThumbprintBefore(ApiVersion version) {
        try (Simulator sim = Simulator.builder().apiVersion(version).build(); HlmClient vc = client(sim)) {
            CreateSpec spec = spec(sim).withSslThumbprint(null).withSslCertificate(sim.pscCertificate().pem());
            vc.createLink(spec);
            RecordedRequest create = sim.requests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().equals("/api/hvc/links")).findFirst().orElseThrow();
            if (version.hasSslCertificate()) {
                assertThat(parse(create.body()).path("ssl_certificate").asText()).isEqualTo(sim.pscCertificate().pem());
                assertThat(parse(create.body()).has("ssl_thumbprint")).isFalse();
            } else {
                assertThat(parse(create.body()).path("ssl_thumbprint").asText())
                        .isEqualTo(sim.pscCertificate().sha256().toString());
                assertThat(parse(create.body()).has("ssl_certificate")).isFalse();
            }
            assertThat(sim.links()).hasSize(1);
        }
    }

    @Test
    void aCertificateAndADifferentThumbprintAreRefusedBeforeSending(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            String other = GeneratedCertificate.builder("other").build().sha256().toString();
            CreateSpec spec = spec(sim).withSslThumbprint(other).withSslCertificate(sim.pscCertificate().pem());
            assertThatThrownBy(() -> vc.createLink(spec)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("different certificates");
            assertThat(calls(sim)).noneMatch(c -> c.endsWith("/hvc/links"));
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A server whose version endpoint is only under /rest is asked there; one where neither answers (missing,
     * or closed to the user) is taken as the oldest release of its flavor.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"only /rest has it", "missing", "forbidden"})
    void theVersionIsProbedInTheOtherFlavorAndInferredWithoutOne(String endpoint) {
        GeneratedCertificate certificate = GeneratedCertificate.builder("hlm-probe").build();
        String version = "{\"value\": {\"version\": \"8.0.1.00000\", \"product\": \"VMware vCenter Server\", "
                + "\"build\": \"1\", \"type\": \"t\", \"summary\": \"s\", \"releasedate\": \"d\", \"install_time\": \"i\"}}";
        Answer refused = endpoint.equals("forbidden")
                ? new Answer(403, "{\"error_type\": \"UNAUTHORIZED\", \"messages\": []}")
                : new Answer(404, "{\"error_type\": \"NOT_FOUND\", \"messages\": []}");
        Answer restVersion = switch (endpoint) {
            case "only /rest has it" -> new Answer(200, version);
            case "forbidden" -> new Answer(403, "{\"type\": \"com.vmware.vapi.std.errors.unauthorized\", \"value\": {}}");
            default -> new Answer(404, "{\"name\": \"com.vmware.vapi.rest.httpNotFound\", \"majorErrorCode\": 404}");
        };
        try (ReplayServer server = new ReplayServer(certificate, r -> switch (r.method() + " " + r.path()) {
            case "POST /api/session" -> new Answer(201, "\"token-1\"");
            case "DELETE /api/session", "DELETE /api/hvc/links/x" -> new Answer(204, null);
            case "GET /rest/appliance/system/version" -> restVersion;
            default -> refused;
        })) {
            boolean known = endpoint.equals("only /rest has it");
            try (HlmClient vc = HlmClient.builder().server(server.url()).username("u").password("p".toCharArray())
                    .trust(TrustPolicy.certificates(List.of(certificate.certificate()))).build()) {
                ServerInfo info = vc.about();
                assertThat(info.flavor()).isEqualTo(Flavor.API);
                assertThat(info.version()).isEqualTo(known ? "8.0.1.00000" : null);
                assertThat(info.offers(HlmOperation.LINK_GET)).isEqualTo(known);
                if (!known) {
                    assertThatThrownBy(() -> vc.getLink("x")).isInstanceOf(ApiException.Unsupported.class)
                            .hasMessageContaining("version unknown");
                    assertThat(vc.deleteLink("x", Optional.of(new Credentials("a", "b".toCharArray())))).isEqualTo(UnlinkMethod.DELETE);
                }
            }
            assertThat(server.received()).extracting(r -> r.method() + " " + r.path())
                    .contains("GET /api/appliance/system/version", "GET /rest/appliance/system/version")
                    .doesNotContain("GET /api/hvc/links/x", "POST /api/hvc/links/x?action=delete");
        }
    }
}
