package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * vSphere 9.1 and later have no HLM API (decision D22): the simulator plays one (sessions and the version, no
 * {@code /hvc}), and every hlm command against it says so in one line, exit 1 and UNSUPPORTED, instead of a bare
 * NOT_FOUND; {@code about} says it too, and the demo refuses the version.
 */
@WithSimulator(apiVersion = ApiVersion.V9_1)
class NoHlmApiIT {
    @TempDir
    Path dir;

    static List<List<String>> commands() {
        return List.of(List.of("link", "list"), List.of("link", "create"), List.of("link", "get", "some-link"),
                List.of("link", "delete", "some-link", "--yes"), List.of("link", "status"),
                List.of("link", "sync", "some-link"), List.of("admin", "list"), List.of("admin", "add", "ops@corp.local"),
                List.of("admin", "remove", "ops@corp.local", "--yes"), List.of("admin", "set", "ops@corp.local", "--yes"));
    }

    @ParameterizedTest(name = "hlm {0}")
    @MethodSource("commands")
    void everyCommandSaysTheVcenterHasNoHlmApi(List<String> command, Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        Cli.Result r = Cli.run(env, command.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("hlm: UNSUPPORTED: this vCenter has no Hybrid Linked Mode API")
                .contains("9.1.0").doesNotContain("NOT_FOUND");
        assertThat(r.err().lines().filter(l -> l.startsWith("hlm:")).count()).as(r.err()).isEqualTo(1);
        assertThat(sim.openSessions()).as("logged out").isZero();
    }

    @Test
    void theChecklistFailsOnItAndAboutSaysSo(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        Cli.Result check = Cli.run(env, "link", "check");
        assertThat(check.exitCode()).as(check.toString()).isNotZero();
        assertThat(check.out()).contains("no Hybrid Linked Mode API");
        Cli.Result about = Cli.run(env, "about");
        assertThat(about.exitCode()).as(about.toString()).isZero();
        assertThat(about.out()).contains("Version:  9.1.0.00000", "HLM operations: none; this vCenter has no Hybrid "
                + "Linked Mode API");
    }

    @Test
    void theDemoRefusesAVersionWithNothingToLink(Simulator sim) {
        Cli.Result demo = Cli.run(SimEnv.of(sim, dir), "demo", "--api-version", "9.1");
        assertThat(demo.exitCode()).as(demo.toString()).isEqualTo(2);
        assertThat(demo.err()).contains("no Hybrid Linked Mode API");
    }
}
