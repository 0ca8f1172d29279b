package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hlm link status for people and for monitoring: its exit codes and its Nagios lines, against the simulator. */
@WithSimulator
class LinkStatusIT {
    @TempDir
    Path dir;

    private Map<String, String> linked(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        return env;
    }

    @Test
    void healthyLinksExitZero(Simulator sim) {
        Map<String, String> env = linked(sim);
        String id = sim.links().get(0).link();

        Cli.Result r = Cli.run(env, "link", "status");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains(id, "vsphere.local", "HEALTHY");

        Cli.Result json = Cli.run(env, "link", "status", "--json");
        assertThat(json.out()).contains("\"link\" : \"" + id + "\"", "\"health\" : \"HEALTHY\"");

        Cli.Result nagios = Cli.run(env, "link", "status", "--nagios");
        assertThat(nagios.exitCode()).isZero();
        assertThat(nagios.out()).isEqualTo("HLM OK - 1 link HEALTHY: vsphere.local | links=1 healthy=1 unhealthy=0\n");
        assertThat(sim.openSessions()).isZero();
    }

    @Test
    void anUnreachablePscMakesTheLinkUnhealthy(Simulator sim) {
        Map<String, String> env = linked(sim);
        sim.stopPsc();

        Cli.Result r = Cli.run(env, "link", "status");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("UNHEALTHY", "Remote PSC is not reachable.");

        Cli.Result nagios = Cli.run(env, "link", "status", "--nagios");
        assertThat(nagios.exitCode()).isEqualTo(2);
        assertThat(nagios.out()).startsWith("HLM CRITICAL - 1 of 1 link UNHEALTHY: vsphere.local (Remote PSC is not reachable.)")
                .endsWith("| links=1 healthy=0 unhealthy=1\n");

        sim.startPsc();
        assertThat(Cli.run(env, "link", "status").exitCode()).isZero();
    }

    @Test
    void noLinksIsZeroButAMonitoringWarning(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        Cli.Result r = Cli.run(env, "link", "status");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("No links.");
        Cli.Result nagios = Cli.run(env, "link", "status", "--nagios");
        assertThat(nagios.exitCode()).isEqualTo(1);
        assertThat(nagios.out()).startsWith("HLM WARNING - no links on 127.0.0.1");
    }

    @Test
    void aVcenterWithoutLinkHealthSaysSo() {
        for (ApiVersion version : new ApiVersion[] {ApiVersion.V7_0_2, ApiVersion.V6_7}) {
            try (Simulator sim = Simulator.builder().apiVersion(version).build()) {
                Map<String, String> env = linked(sim);
                Cli.Result r = Cli.run(env, "link", "status");
                assertThat(r.exitCode()).as(version + " " + r).isEqualTo(1);
                assertThat(r.out()).contains("UNAVAILABLE", "8.0 Update 1");

                Cli.Result nagios = Cli.run(env, "link", "status", "--nagios");
                assertThat(nagios.exitCode()).isEqualTo(3);
                assertThat(nagios.out()).startsWith("HLM UNKNOWN - health not known for vsphere.local")
                        .contains("8.0 Update 1");
            }
        }
    }

    @Test
    void aServerThatCannotBeReachedIsThreeAndUnknown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Map<String, String> env = Map.of("HLM_SERVER", "127.0.0.1:" + port, "HLM_USERNAME", "u", "HLM_PASSWORD", "secret-pw");
        Cli.Result r = Cli.run(env, "link", "status");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).startsWith("hlm: CONNECTION: ");

        Cli.Result nagios = Cli.run(env, "link", "status", "--nagios");
        assertThat(nagios.exitCode()).isEqualTo(3);
        assertThat(nagios.out()).startsWith("HLM UNKNOWN - cannot reach the vCenter: ").contains("127.0.0.1:" + port);
        assertThat(nagios.out().lines().count()).isEqualTo(1);
        assertThat(nagios.err()).isEmpty();
    }

    @Test
    void refusedLoginIsFourAndUnknown(Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PASSWORD", "not-the-password");
        assertThat(Cli.run(env, "link", "status").exitCode()).isEqualTo(ExitCodes.AUTH);
        Cli.Result nagios = Cli.run(env, "link", "status", "--nagios");
        assertThat(nagios.exitCode()).isEqualTo(3);
        assertThat(nagios.out()).startsWith("HLM UNKNOWN - the vCenter refused: UNAUTHENTICATED");
    }

    @Test
    void badArgumentsUnderNagiosAreUnknown() {
        Cli.Result unknownOption = Cli.run(Map.of(), "link", "status", "--nagios", "--bogus");
        assertThat(unknownOption.exitCode()).isEqualTo(3);
        assertThat(unknownOption.out()).startsWith("HLM UNKNOWN - usage: ");
        Cli.Result noServer = Cli.run(Map.of(), "link", "status", "--nagios");
        assertThat(noServer.exitCode()).isEqualTo(3);
        assertThat(noServer.out()).startsWith("HLM UNKNOWN - missing --server (or HLM_SERVER), --username");
        Cli.Result both = Cli.run(Map.of(), "link", "status", "--nagios", "--json");
        assertThat(both.exitCode()).isEqualTo(3);
        assertThat(both.out()).isEqualTo("HLM UNKNOWN - usage: --nagios and --json exclude each other\n");
    }
}
