package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.ApiVersion;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code hlm demo}: the first thing a new user runs, on every vSphere version the simulator plays. */
class DemoIT {
    @ParameterizedTest(name = "--api-version {0}")
    @EnumSource(value = ApiVersion.class, names = "V9_1", mode = EnumSource.Mode.EXCLUDE)
    void walksThroughAWholeSession(ApiVersion version) {
        Cli.Result r = Cli.run(Map.of(), "demo", "--api-version", version.label());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        int single = version.hasLinkGet() ? 8 : 7;
        int steps = single + 3; // and the fleet's: plan, apply, plan again with status
        String flavor = version == ApiVersion.V6_7 ? "/rest" : "/api";
        assertThat(r.out()).contains("Simulated cloud vCenter " + version.label())
                .contains("[1/" + steps + "] login as cloudadmin@vmc.local ... session open over " + flavor)
                .contains("link create").contains("link list ... 1 link")
                .contains("admin add vmc-admins@corp.local ... added")
                .contains("unlinked; 0 links left")
                .contains("[" + single + "/" + steps + "] logout ... session closed")
                .contains("plan: read every SDDC at once ... 3 to change")
                .contains("... 3 of 3 converged")
                .contains("[" + steps + "/" + steps + "] plan again, and status ... 0 to change; ")
                .containsPattern("API explorer of 'hlm sim' at \\$HLM_EXPLORER,\\R  here https://127\\.0\\.0\\.1:\\d+/apiexplorer/");
        if (version.hasLinkGet()) {
            assertThat(r.out()).contains("connection health HEALTHY");
        } else {
            assertThat(r.out()).doesNotContain("link get");
        }
        assertThat(r.err()).isEmpty();
    }
}
