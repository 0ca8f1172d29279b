package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.Summary;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A user's whole story with a link, in each API flavor, through the real command line and simulator. */
@WithSimulator
class LinkStoryIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "--api-flavor {0}")
    @ValueSource(strings = {"api", "rest"})
    void createListDuplicateGetDeleteList(String flavor, Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_API_FLAVOR", flavor);

        Cli.Result created = Cli.run(env, "link", "create", "--admin-group", "vmc-admins@corp.local");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(sim.links()).hasSize(1);
        String id = sim.links().get(0).link();
        assertThat(created.out()).contains("Linked vsphere.local", id);
        assertThat(sim.administrators()).contains("vmc-admins@corp.local");

        Cli.Result listed = Cli.run(env, "link", "list");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains(id, "vsphere.local");

        Cli.Result json = Cli.run(env, "link", "list", "--json");
        assertThat(json.out()).contains("\"link\" : \"" + id + "\"", "\"display_name\" : \"vsphere.local\"");

        Cli.Result again = Cli.run(env, "link", "create");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Already linked", "vsphere.local", id);
        Cli.Result strict = Cli.run(env, "link", "create", "--fail-if-exists");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(strict.err()).startsWith("hlm: ALREADY_EXISTS: ").contains("vsphere.local").contains("hint:");
        assertThat(sim.links()).hasSize(1);

        Cli.Result health = Cli.run(env, "link", "get", id);
        assertThat(health.exitCode()).as(health.toString()).isZero();
        assertThat(health.out()).contains("HEALTHY");

        Cli.Result deleted = Cli.run(env, "link", "delete", id, "--yes");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).contains("Unlinked " + id);
        assertThat(sim.links()).isEmpty();

        Cli.Result empty = Cli.run(env, "link", "list");
        assertThat(empty.out()).contains("No links.");
        assertThat(sim.openSessions()).isZero();
    }

    @ParameterizedTest(name = "--api-flavor {0}")
    @ValueSource(strings = {"api", "rest"})
    void deleteWithoutPscPasswordUsesDelete(String flavor, Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_API_FLAVOR", flavor);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        String id = sim.links().get(0).link();

        Cli.Result deleted = Cli.run(SimEnv.with(env, "HLM_PSC_PASSWORD", null), "link", "delete", id, "--yes");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).contains("(DELETE: no PSC password was given");
        // What follows an unlink is said before it is sent.
        assertThat(deleted.err()).startsWith("hlm: note: unlinking " + id + " (vsphere.local): on-prem users lose the cloud "
                + "inventory").contains("identity source, permissions and tags stay");
        assertThat(sim.requests()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("DELETE");
            assertThat(r.path()).contains("/hvc/links/");
        });
        assertThat(sim.links()).isEmpty();
    }

    @ParameterizedTest(name = "--api-flavor {0}")
    @ValueSource(strings = {"api", "rest"})
    void unknownLinkIsNotFound(String flavor, Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_API_FLAVOR", flavor);
        Cli.Result r = Cli.run(SimEnv.with(env, "HLM_PSC_PASSWORD", null), "link", "delete", "no-such-link");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(r.err()).startsWith("hlm: NOT_FOUND: ");
        List<Summary> none = sim.links();
        assertThat(none).isEmpty();
    }
}
