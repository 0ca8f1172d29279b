package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Create and delete reach the state asked for, and doing it again is not a failure unless asked to be. */
@WithSimulator
class IdempotencyIT {
    @TempDir
    Path dir;

    private static List<String> calls(List<RecordedRequest> requests) {
        return requests.stream().map(r -> r.method() + " " + r.path()).toList();
    }

    @ParameterizedTest(name = "--api-flavor {0}")
    @ValueSource(strings = {"api", "rest"})
    void createOfALinkedDomainSaysAlreadyLinkedAndSucceeds(String flavor, Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_API_FLAVOR", flavor);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        String id = sim.links().get(0).link();

        Cli.Result again = Cli.run(env, "link", "create");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Already linked", "vsphere.local", id);
        assertThat(again.err()).isEmpty();
        assertThat(sim.links()).hasSize(1);
        assertThat(sim.openSessions()).isZero();

        Cli.Result json = Cli.run(env, "link", "create", "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"link\" : \"" + id + "\"");
    }

    @Test
    void createOfALinkedDomainStillMakesTheAskedGroupsAdministrators(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        assertThat(sim.administrators()).isEmpty();

        Cli.Result again = Cli.run(env, "link", "create", "-a", "ops@corp.local", "-a", "lab@corp.local");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Already linked", "made ops@corp.local, lab@corp.local HLM administrators.");
        assertThat(sim.administrators()).containsExactlyInAnyOrder("ops@corp.local", "lab@corp.local");

        Cli.Result third = Cli.run(env, "link", "create", "-a", "OPS@corp.local");
        assertThat(third.out()).contains("Already linked", "nothing changed");
        assertThat(sim.administrators()).hasSize(2);
    }

    @Test
    void aDryRunForetellsAlreadyLinkedInsteadOfPlanningACreate(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        String id = sim.links().get(0).link();

        Cli.Result same = Cli.run(env, "link", "create", "--dry-run", "-a", "ops@corp.local");
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).contains("POST /api/hvc/management/administrators?action=add")
                .doesNotContain("POST /api/hvc/links\n");
        assertThat(sim.administrators()).isEmpty();

        Cli.Result other = Cli.run(env, "link", "create", "--dry-run", "--domain-name", "other.local");
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(other.err()).startsWith("hlm: ALREADY_EXISTS: ").contains("vsphere.local", id);
        assertThat(sim.requests()).noneMatch(r -> r.method().equals("POST") && r.path().equals("/api/hvc/links")
                && r.body().contains("other.local"));
    }

    @Test
    void adminChangesAlreadyAsAskedAreReportedAndNotSent(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "admin", "add", "ops@corp.local").out())
                .isEqualTo("Added ops@corp.local to the HLM administrators.\n");
        int before = sim.requests().size();

        Cli.Result add = Cli.run(env, "admin", "add", "OPS@corp.local", "lab@corp.local");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).isEqualTo("OPS@corp.local is already an HLM administrator; nothing to add.\n"
                + "Added lab@corp.local to the HLM administrators.\n");
        Cli.Result remove = Cli.run(env, "admin", "remove", "nothere@corp.local");
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(remove.out()).isEqualTo("nothere@corp.local is not an HLM administrator; nothing to remove.\n");

        assertThat(calls(sim.requests().subList(before, sim.requests().size())))
                .filteredOn(c -> c.contains("administrators?action=")).containsExactly(
                        "POST /api/hvc/management/administrators?action=add");
        assertThat(sim.administrators()).containsExactlyInAnyOrder("ops@corp.local", "lab@corp.local");

        Cli.Result dry = Cli.run(env, "admin", "add", "ops@corp.local", "--dry-run");
        assertThat(dry.out()).contains("ops@corp.local is already an HLM administrator",
                "Dry run: nothing to send");
    }

    @Test
    void theCommonPathIsLoginCreateLogout(Simulator sim) {
        assertThat(Cli.run(SimEnv.of(sim, dir), "link", "create").exitCode()).isZero();
        assertThat(calls(sim.requests())).containsExactly(
                "POST /api/session", "POST /api/hvc/links", "DELETE /api/session");
    }

    @Test
    void linksAreListedOnlyWhenCreateAnswersAlreadyExists(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        int before = sim.requests().size();
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        assertThat(calls(sim.requests().subList(before, sim.requests().size()))).containsExactly(
                "POST /api/session", "POST /api/hvc/links", "GET /api/hvc/links", "DELETE /api/session");
    }

    @Test
    void failIfExistsMakesALinkedDomainAFailure(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        String id = sim.links().get(0).link();

        Cli.Result r = Cli.run(env, "link", "create", "--fail-if-exists");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(r.err()).startsWith("hlm: ALREADY_EXISTS: vsphere.local is already linked")
                .contains(id).contains("hint: ").contains("hlm link delete " + id);
        assertThat(r.err().lines().count()).isEqualTo(2);
    }

    @Test
    void anotherLinkedDomainFailsNamingItAndTheUnlinkCommand() {
        try (Simulator sim = Simulator.builder().domainName("corp.local").build()) {
            Map<String, String> env = SimEnv.of(sim, dir);
            assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
            String id = sim.links().get(0).link();

            Cli.Result r = Cli.run(env, "link", "create", "--domain-name", "other.local");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.API_REFUSED);
            assertThat(r.err()).startsWith("hlm: ALREADY_EXISTS: ").contains("corp.local", id)
                    .contains("hint: to link other.local instead, unlink the other first: hlm link delete " + id);
            assertThat(sim.links()).singleElement().satisfies(l -> assertThat(l.displayName()).isEqualTo("corp.local"));
        }
    }

    @ParameterizedTest(name = "PSC password given: {0}")
    @ValueSource(booleans = {true, false})
    void deleteIfExistsOfALinkThatIsGoneSucceeds(boolean withPscPassword, Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        String id = sim.links().get(0).link();
        if (!withPscPassword) {
            env = SimEnv.with(env, "HLM_PSC_PASSWORD", null);
        }
        assertThat(Cli.run(env, "link", "delete", id, "--if-exists", "--yes").exitCode()).isZero();
        assertThat(sim.links()).isEmpty();

        Cli.Result gone = Cli.run(env, "link", "delete", id, "--if-exists");
        assertThat(gone.exitCode()).as(gone.toString()).isZero();
        assertThat(gone.out()).contains("does not exist", "nothing to do");

        Cli.Result strict = Cli.run(env, "link", "delete", id);
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(strict.err()).startsWith("hlm: NOT_FOUND: ").contains("--if-exists");
    }

    @Test
    @WithSimulator(apiVersion = dev.hlm.sim.ApiVersion.V7_0_2)
    void deleteIfExistsStillUnlinksOnAVcenterWithoutUnlinkWithCredentials(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        String id = sim.links().get(0).link();
        Cli.Result r = Cli.run(env, "link", "delete", id, "--if-exists", "--yes");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Unlinked " + id, "DELETE");
        assertThat(sim.links()).isEmpty();
    }
}
