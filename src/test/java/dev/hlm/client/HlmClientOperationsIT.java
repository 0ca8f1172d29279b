package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Credentials;
import dev.hlm.api.HealthStatus;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.SimulatorExtension;
import dev.hlm.testing.WithSimulator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each HLM operation of the library, one nested class named after it, against a fresh simulator: where a
 * newcomer looks first. What an operation does on the wire is checked against the contract fixtures
 * (ContractClientIT, ContractSimulatorIT); how it survives faults, in ResilienceIT.
 */
@WithSimulator
class HlmClientOperationsIT {
    private static CreateSpec spec(Simulator sim) {
        return new CreateSpec(sim.pscHostname(), String.valueOf(sim.pscPort()), sim.domainName(), sim.pscAdminUsername(),
                sim.pscAdminPassword(), sim.pscCertificate().sha256().toString(), null, List.of("cloud-admins@corp.local"));
    }

    private static String linked(Simulator sim) {
        try (HlmClient vc = SimulatorExtension.clientOf(sim).build()) {
            return vc.createLink(spec(sim)).id();
        }
    }

    @Nested
    class SessionLogin {
        @Test
        void opensASessionThatNamesTheUser(Simulator sim, HlmClient vc) {
            vc.login();
            assertThat(sim.openSessions()).isEqualTo(1);
            assertThat(vc.session().user()).isEqualToIgnoringCase(sim.cloudAdminUsername());
        }
    }

    @Nested
    class SessionLogout {
        @Test
        void closingTheClientLogsOut(Simulator sim) {
            HlmClient vc = SimulatorExtension.clientOf(sim).build();
            vc.login();
            vc.close();
            assertThat(vc.sessionEnd()).isEqualTo(HlmClient.SessionEnd.LOGGED_OUT);
            assertThat(sim.openSessions()).isZero();
        }
    }

    @Nested
    class Version {
        @Test
        void readsTheAppliancesRelease(Simulator sim, HlmClient vc) {
            assertThat(vc.version().version()).isEqualTo(sim.apiVersion().fullVersion());
        }
    }

    @Nested
    class LinkCreate {
        @Test
        void linksTheDomainAndAnswersTheId(Simulator sim, HlmClient vc) {
            String id = vc.createLink(spec(sim)).id();
            assertThat(sim.links()).singleElement().satisfies(l -> {
                assertThat(l.link()).isEqualTo(id);
                assertThat(l.displayName()).isEqualTo(sim.domainName());
            });
            assertThat(sim.administrators()).containsExactly("cloud-admins@corp.local");
        }

        @Test
        void aSecondCreateIsAlreadyExists(Simulator sim, HlmClient vc) {
            vc.createLink(spec(sim));
            assertThatThrownBy(() -> vc.createLink(spec(sim))).isInstanceOf(ApiException.class)
                    .hasMessageContaining(sim.domainName());
            assertThat(sim.links()).hasSize(1);
        }
    }

    @Nested
    class LinkList {
        @Test
        void listsNothingThenTheLink(Simulator sim, HlmClient vc) {
            assertThat(vc.listLinks()).isEmpty();
            String id = linked(sim);
            assertThat(vc.listLinks()).singleElement().satisfies(l -> assertThat(l.link()).isEqualTo(id));
        }
    }

    @Nested
    class LinkGet {
        @Test
        void readsTheLinksHealth(Simulator sim, HlmClient vc) {
            String id = linked(sim);
            assertThat(vc.getLink(id).connectionHealthStatus()).isEqualTo(HealthStatus.HEALTHY);
        }
    }

    @Nested
    class LinkDelete {
        @Test
        void unlinksWithoutOnPremCredentials(Simulator sim, HlmClient vc) {
            String id = linked(sim);
            assertThat(vc.deleteLink(id, Optional.empty())).isEqualTo(HlmClient.UnlinkMethod.DELETE);
            assertThat(sim.links()).isEmpty();
            assertThat(sim.requests()).extracting(r -> r.method() + " " + r.path()).contains("DELETE /api/hvc/links/" + id);
        }
    }

    @Nested
    class LinkDeleteWithCredentials {
        @Test
        void unlinksWithTheOnPremAdministratorsCredentials(Simulator sim, HlmClient vc) {
            String id = linked(sim);
            assertThat(vc.deleteLink(id, Optional.of(new Credentials(sim.pscAdminUsername(), sim.pscAdminPassword()))))
                    .isEqualTo(HlmClient.UnlinkMethod.DELETE_WITH_CREDENTIALS);
            assertThat(sim.links()).isEmpty();
            assertThat(sim.requests()).extracting(r -> r.method() + " " + r.path())
                    .doesNotContain("DELETE /api/hvc/links/" + id).anySatisfy(r -> assertThat(r).startsWith("POST /api/hvc/links/" + id));
        }
    }

    @Nested
    class AdminList {
        @Test
        void listsTheGroups(Simulator sim, HlmClient vc) {
            assertThat(vc.administrators()).isEmpty();
            linked(sim);
            assertThat(vc.administrators()).containsExactly("cloud-admins@corp.local");
        }
    }

    @Nested
    class AdminAdd {
        @Test
        void addsAGroupOnceHoweverOftenAsked(Simulator sim, HlmClient vc) {
            vc.addAdministrator("ops@corp.local");
            vc.addAdministrator("ops@corp.local");
            assertThat(sim.administrators()).containsExactly("ops@corp.local");
        }
    }

    @Nested
    class AdminRemove {
        @Test
        void removesAGroupTheLinkGaveAndLeavesTheLink(Simulator sim, HlmClient vc) {
            linked(sim);
            vc.removeAdministrator("cloud-admins@corp.local");
            assertThat(sim.administrators()).isEmpty();
            assertThat(sim.links()).hasSize(1);
        }
    }

    @Nested
    class AdminSet {
        @Test
        void replacesTheGroups(Simulator sim, HlmClient vc) {
            vc.addAdministrator("ops@corp.local");
            vc.setAdministrators(List.of("a@corp.local", "b@corp.local"));
            assertThat(sim.administrators()).containsExactlyInAnyOrder("a@corp.local", "b@corp.local");
        }
    }
}
