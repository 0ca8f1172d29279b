package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HLM administrator groups: add, list, add again, set, remove, in each flavor. */
@WithSimulator
class AdminStoryIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "--api-flavor {0}")
    @ValueSource(strings = {"api", "rest"})
    void addListSetRemove(String flavor, Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_API_FLAVOR", flavor);

        Cli.Result added = Cli.run(env, "admin", "add", "ops@corp.local");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(sim.administrators()).contains("ops@corp.local");

        assertThat(Cli.run(env, "admin", "list").out()).contains("ops@corp.local");
        assertThat(Cli.run(env, "admin", "list", "--json").out()).contains("\"ops@corp.local\"");

        Cli.Result twice = Cli.run(env, "admin", "add", "ops@corp.local");
        assertThat(twice.exitCode()).isZero();
        assertThat(sim.administrators()).containsOnlyOnce("ops@corp.local");

        Cli.Result set = Cli.run(env, "admin", "set", "a@corp.local", "b@corp.local", "--yes");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).contains("+ a@corp.local", "+ b@corp.local", "- ops@corp.local");
        assertThat(sim.administrators()).containsExactlyInAnyOrder("a@corp.local", "b@corp.local");

        Cli.Result removed = Cli.run(env, "admin", "remove", "a@corp.local", "--yes");
        assertThat(removed.exitCode()).isZero();
        assertThat(sim.administrators()).containsExactly("b@corp.local");

        Cli.Result absent = Cli.run(env, "admin", "remove", "a@corp.local");
        assertThat(absent.exitCode()).isZero();
        assertThat(sim.openSessions()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-at-sign", "@corp.local", "ops@", "a@b@c"})
    void malformedGroupNamesAreRefusedBeforeAnythingIsSent(String group, Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.of(sim, dir), "admin", "add", group);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("group@domain").doesNotContain("Exception");
        assertThat(sim.requests()).isEmpty();
    }
}
