package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hint names what the user can type: the command or option meant, the option behind a refused field. */
class UsageHintsIT {
    @TempDir
    Path dir;

    @Test
    void aMistypedCommandSuggestsTheClosestFirst() {
        Cli.Result r = Cli.run(Map.of(), "link", "craete");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("hlm: USAGE: Unmatched argument at index 1: 'craete'\n"
                + "hint: did you mean create? see 'hlm link --help'\n");
    }

    @Test
    void aMistypedOptionSuggestsTheOptionOnceByItsName() {
        Cli.Result r = Cli.run(Map.of(), "link", "create", "--psc-hostnme", "vc01.corp.local");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().toList().get(1)).isEqualTo("hint: did you mean --psc-hostname? see 'hlm link create --help'");
    }

    @Test
    void aPscHostNameTheCloudVcenterWouldRefuseIsRefusedFirstNamingPscHostname() {
        // hlm checks the host name itself now (issue 11, point 10); the hint for the cloud vCenter's own
        // INVALID_ARGUMENT on psc_hostname is RemediesTest's.
        try (Simulator sim = Simulator.builder().build()) {
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_HOSTNAME", "vc01 corp local");
            Cli.Result r = Cli.run(env, "link", "create");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("hlm: USAGE: --psc-hostname 'vc01 corp local' contains ' '")
                    .contains("(from the environment variable HLM_PSC_HOSTNAME)\nhint: ");
            assertThat(sim.requests()).isEmpty();
        }
    }
}
