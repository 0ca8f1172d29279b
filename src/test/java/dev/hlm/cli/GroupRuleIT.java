package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.client.ApiException;
import dev.hlm.client.HlmClient;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.SimulatorExtension;
import dev.hlm.testing.WithSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hlm and the simulator state the group-name rule (decision D11) once each; they must agree on every name,
 * as hlm must never refuse a name a vCenter takes, nor send one it refuses. The library checks nothing, so it
 * puts the simulator's own verdict to the test.
 */
@WithSimulator
class GroupRuleIT {
    private static final List<String> NAMES = List.of(
            "ops@corp.local", "VMC Admins@corp.local", "Domain  Users@CORP.LOCAL", "O'Brien team@corp.local",
            "Gruppe \u00c4@corp.local", "CORP\\ops@corp.local", "ops\u00a0team@corp.local",
            "ops", "@corp.local", "ops@", "a@b@c", "ops @corp.local", " ops@corp.local", "ops@ corp.local",
            "ops@corp local", "ops@corp.local ", "ops\n@corp.local", "ops\t@corp.local", "ops\r@corp.local",
            "ops\u001b[31m@corp.local", "ops\u0085@corp.local", "ops\u200b@corp.local", "ops\u202e@corp.local",
            "\ufeffops@corp.local", "ops\u2028@corp.local", "ops@corp.local\u2029", "ops@corp\u00a0local");

    @TempDir
    Path dir;

    @Test
    void hlmAndTheSimulatorAcceptAndRefuseTheSameNames(Simulator sim) {
        try (HlmClient vc = SimulatorExtension.clientOf(sim).build()) {
            for (String name : NAMES) {
                boolean serverTakesIt;
                try {
                    vc.addAdministrator(name);
                    serverTakesIt = true;
                } catch (ApiException.InvalidArgument e) {
                    serverTakesIt = false;
                }
                assertThat(Groups.problem(name) == null).as("hlm and the simulator on \"%s\" (%s)",
                        name, Groups.problem(name)).isEqualTo(serverTakesIt);
            }
            assertThat(sim.administrators()).contains("VMC Admins@corp.local");
        }
    }

    @Test
    void aGroupWithSpacesIsAddedAndOneWithALineFeedIsRefusedBeforeAnythingIsSent(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        Cli.Result added = Cli.run(env, "admin", "add", "VMC Admins@corp.local");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(sim.administrators()).containsExactly("VMC Admins@corp.local");

        int before = sim.requests().size();
        Cli.Result refused = Cli.run(env, "admin", "add", "ops\n@corp.local");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).startsWith(
                "hlm: USAGE: GROUP: 'ops\\x0a@corp.local' contains a control character (\\x0a)\nhint: ");
        assertThat(sim.requests()).hasSize(before);
    }
}
