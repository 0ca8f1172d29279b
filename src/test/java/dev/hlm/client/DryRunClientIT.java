package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Credentials;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.tls.TrustPolicy;
import java.util.Optional;
import dev.hlm.testing.SimulatorExtension;
import dev.hlm.testing.WithSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A dry-run client logs in and reads, and holds back everything that would change the vCenter. */
@WithSimulator
class DryRunClientIT {
    private static HlmClient client(Simulator sim, HlmClient.FlavorChoice flavor, boolean dryRun) {
        return SimulatorExtension.clientOf(sim).flavor(flavor)
                .dryRun(dryRun).build();
    }

    private static CreateSpec spec(Simulator sim) {
        return new CreateSpec(sim.pscHostname(), String.valueOf(sim.pscPort()), sim.domainName(),
                sim.pscAdminUsername(), sim.pscAdminPassword(), sim.pscCertificate().sha256().toString(), null,
                List.of("ops@corp.local"));
    }

    @ParameterizedTest
    @EnumSource(value = HlmClient.FlavorChoice.class, names = {"API", "REST"})
    void mutatingOperationsArePlannedNotSent(HlmClient.FlavorChoice flavor) {
        try (Simulator sim = Simulator.builder().build()) {
            String prefix = flavor == HlmClient.FlavorChoice.API ? "/api" : "/rest";
            try (HlmClient vc = client(sim, flavor, true)) {
                assertThat(vc.createLink(spec(sim)).id()).isNull();
                vc.addAdministrator("ops@corp.local");
                vc.setAdministrators(List.of("a@corp.local"));
                vc.deleteLink("some-link", Optional.empty());
                assertThat(vc.listLinks()).isEmpty(); // reads still go out

                List<PlannedRequest> planned = vc.plannedRequests();
                assertThat(planned).extracting(p -> p.method() + " " + p.path()).containsExactly(
                        "POST " + prefix + "/hvc/links",
                        "POST " + prefix + "/hvc/management/administrators?action=add",
                        "PUT " + prefix + "/hvc/management/administrators",
                        "DELETE " + prefix + "/hvc/links/some-link");
                String createBody = planned.get(0).body().toString();
                assertThat(createBody).contains("\"password\":\"***\"", sim.pscHostname())
                        .doesNotContain(new String(sim.pscAdminPassword()));
                if (flavor == HlmClient.FlavorChoice.REST) {
                    assertThat(planned.get(0).body().has("spec")).isTrue();
                }
            }
            assertThat(sim.links()).isEmpty();
            assertThat(sim.administrators()).isEmpty();
            assertThat(sim.requests()).extracting(RecordedRequest::method).allMatch(m -> !m.equals("PUT"));
            assertThat(sim.requests()).noneMatch(r -> r.path().contains("/hvc/") && !r.method().equals("GET"));
            assertThat(sim.openSessions()).isZero();
        }
    }

    @Test
    void deleteWithCredentialsIsPlannedWithThePasswordMasked(Simulator sim) {
        try (HlmClient vc = client(sim, HlmClient.FlavorChoice.AUTO, true)) {
            vc.deleteLink("x", Optional.of(new Credentials(sim.pscAdminUsername(), sim.pscAdminPassword())));
            PlannedRequest planned = vc.plannedRequests().get(0);
            assertThat(planned.path()).isEqualTo("/api/hvc/links/x?action=delete");
            assertThat(planned.body().path("credentials").path("password").asText()).isEqualTo("***");
            assertThat(planned.body().path("credentials").path("user_name").asText()).isEqualTo(sim.pscAdminUsername());
        }
    }

    @Test
    void withoutDryRunNothingIsPlanned(Simulator sim) {
        try (HlmClient vc = client(sim, HlmClient.FlavorChoice.AUTO, false)) {
            vc.addAdministrator("ops@corp.local");
            assertThat(vc.dryRun()).isFalse();
            assertThat(vc.plannedRequests()).isEmpty();
            assertThat(sim.administrators()).containsExactly("ops@corp.local");
        }
    }

    @ParameterizedTest
    @EnumSource(value = HlmClient.FlavorChoice.class, names = {"API", "REST"})
    void sessionNamesTheUserAsTheServerDoes(HlmClient.FlavorChoice flavor, Simulator sim) {
        try (HlmClient vc = client(sim, flavor, false)) {
            assertThat(vc.session().user()).isEqualTo(sim.cloudAdminUsername());
        }
    }
}
