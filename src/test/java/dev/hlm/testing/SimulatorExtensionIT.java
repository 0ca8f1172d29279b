package dev.hlm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hlm.client.HlmClient;
import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.Role;
import dev.hlm.sim.Simulator;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link WithSimulator} promises: a fresh simulator per test, a client trusting it, both closed after. */
@WithSimulator
class SimulatorExtensionIT {
    private Simulator seenBeforeEach;

    @BeforeEach
    void start(Simulator sim) {
        seenBeforeEach = sim;
    }

    @Test
    void aPlainAnnotationGivesTheSimulatorTheBuilderWouldMake(Simulator sim) {
        try (Simulator plain = Simulator.builder().build()) {
            assertThat(sim.apiVersion()).isEqualTo(plain.apiVersion());
            assertThat(sim.role()).isEqualTo(plain.role());
            assertThat(sim.domainName()).isEqualTo(plain.domainName());
        }
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void beforeEachAndTheTestShareOneSimulatorAndTheClientTalksToIt(Simulator sim, HlmClient vc) {
        assertThat(seenBeforeEach).isSameAs(sim);
        assertThat(vc.server()).isEqualTo(sim.cloudUrl());
        assertThat(vc.listLinks()).isEmpty();
        assertThat(sim.openSessions()).isEqualTo(1);
        assertThat(vc.serverCertificate()).contains(sim.cloudCertificate().certificate());
    }

    @Test
    @WithSimulator(apiVersion = ApiVersion.V7_0_2, role = Role.GATEWAY, linkDelay = "PT0.2S",
            faults = "list:error=SERVICE_UNAVAILABLE,times=1", pscReachableOnlyFromCloud = true)
    void theTestsOwnSettingsReplaceTheClasss(Simulator sim) {
        assertThat(sim.apiVersion()).isEqualTo(ApiVersion.V7_0_2);
        assertThat(sim.role()).isEqualTo(Role.GATEWAY);
        assertThat(sim.pscHostname()).isNotEqualTo(Simulator.HOST);
        assertThat(sim.faultsStruck()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "rest"})
    void aParameterizedTestTakesTheSimulatorAfterItsArguments(String flavor, Simulator sim) {
        assertThat(flavor).isNotBlank();
        assertThat(sim.links()).isEmpty();
    }

    /** Two tests in order: the second finds the first's simulator closed, its session logged out first. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class AfterTheTest {
        private static Simulator previous;
        private static HlmClient previousClient;

        @Test
        @Order(1)
        void aTestLogsIn(Simulator sim, HlmClient vc) {
            vc.listLinks();
            previous = sim;
            previousClient = vc;
        }

        @Test
        @Order(2)
        void itsSimulatorIsClosedAndItsSessionEndedAndThisOneIsFresh(Simulator sim) {
            assertThat(sim).isNotSameAs(previous);
            assertThat(previous.openSessions()).as("the client logged out before the simulator stopped").isZero();
            assertThat(previousClient.sessionEnd()).isEqualTo(HlmClient.SessionEnd.LOGGED_OUT);
            assertThatThrownBy(() -> new Socket(Simulator.HOST, previous.cloudPort()).close())
                    .as("nothing listens on the closed simulator's port").isInstanceOf(IOException.class);
        }
    }

    @Test
    void clientOfTrustsTheSimulatorAndTakesTheTestsSettings(Simulator sim) {
        try (HlmClient vc = SimulatorExtension.clientOf(sim).requestTimeout(Duration.ofSeconds(5)).build()) {
            assertThat(vc.administrators()).isEmpty();
        }
        assertThat(sim.openSessions()).isZero();
    }
}
