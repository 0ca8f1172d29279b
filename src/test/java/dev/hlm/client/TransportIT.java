package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.sim.Traffic;
import dev.hlm.testing.SimulatorExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transport against the simulator: every call of one client shares one kept-alive TLS connection. */
class TransportIT {
    private static HlmClient client(Simulator sim, HlmClient.FlavorChoice flavor) {
        return SimulatorExtension.clientOf(sim).flavor(flavor).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = HlmClient.FlavorChoice.class, names = {"API", "REST"})
    void everyCallOfAClientSharesOneConnection(HlmClient.FlavorChoice flavor) {
        try (Simulator sim = Simulator.builder().build()) {
            try (HlmClient vc = client(sim, flavor)) {
                vc.listLinks();
                vc.addAdministrator("ops@corp.local");
                vc.administrators();
                vc.version();
            }
            assertThat(sim.cloudTraffic()).isEqualTo(new Traffic(6, 1)); // login, four calls, logout
        }
    }
}
