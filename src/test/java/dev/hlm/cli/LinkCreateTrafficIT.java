package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.Flavor;
import dev.hlm.api.Paths;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.sim.Traffic;
import dev.hlm.testing.WithSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How {@code hlm link create} talks, counted by the simulator: one TLS connection per server and three
 * requests (login, create, logout), in both flavors, also when the vCenter is far away. Counts, never times.
 */
@WithSimulator
class LinkCreateTrafficIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Flavor.class)
    void aSuccessfulCreateIsLoginCreateLogoutOverOneConnection(Flavor flavor) {
        try (Simulator sim = Simulator.builder().latency(Duration.ofMillis(5)).build()) {
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_API_FLAVOR", flavor.name());
            Cli.Result created = Cli.run(env, "link", "create", "--admin-group", "ops@corp.local");
            assertThat(created.exitCode()).as(created.toString()).isZero();

            assertThat(sim.cloudTraffic()).isEqualTo(new Traffic(3, 1));
            assertThat(sim.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                    "POST " + flavor.sessionPath(), "POST " + flavor.path(Paths.LINKS), "DELETE " + flavor.sessionPath());
            // The cloud vCenter's own conversation with the PSC: one connection too.
            assertThat(sim.pscTraffic().tlsHandshakes()).isEqualTo(1);
            assertThat(sim.openSessions()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Flavor.class)
    void aRefusedCreateStillUsesOneConnectionAndLogsOut(Flavor flavor, Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_API_FLAVOR", flavor.name());
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        sim.reset();
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();

        Cli.Result again = Cli.run(env, "link", "create", "--fail-if-exists");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(sim.cloudTraffic().tlsHandshakes()).isEqualTo(2);
        List<RecordedRequest> requests = sim.requests();
        assertThat(requests.get(requests.size() - 1).method()).isEqualTo("DELETE");
        assertThat(sim.openSessions()).isZero();
    }
}
