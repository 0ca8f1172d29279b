package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes that take something away ask first (issue 11, point 15): {@code link delete}, {@code admin remove}
 * and an {@code admin set} that removes groups ask {@code [y/N]} at a terminal; without one they need
 * {@code --yes}; a dry run never asks. Nothing is changed on the simulator until the answer is yes.
 */
class ConfirmIT {
    @TempDir
    Path dir;

    private Simulator sim;
    private Map<String, String> env;
    private String link;

    @BeforeEach
    void linkedWithOneGroup() {
        sim = Simulator.builder().build();
        env = SimEnv.of(sim, dir);
        Cli.Result created = Cli.run(env, "link", "create", "--admin-group", "ops@corp.local");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        link = sim.links().get(0).link();
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void linkDeleteWithoutATerminalNeedsYes() {
        int before = sim.requests().size();
        Cli.Result refused = Cli.run(env, "link", "delete", link);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("hlm: USAGE: unlinking " + link, "there is no terminal to ask: give --yes")
                .contains("hint: check what it does with --dry-run, then rerun with --yes").doesNotContain("Exception");
        assertThat(sim.links()).hasSize(1);
        assertThat(sim.requests().subList(before, sim.requests().size()))
                .as("no unlink was sent").noneMatch(r -> r.path().contains("/hvc/links/"));

        Cli.Result json = Cli.run(env, "link", "delete", link, "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(json.out()).contains("\"exit_code\" : 2").contains("--yes");

        Cli.Result yes = Cli.run(env, "link", "delete", link, "--yes");
        assertThat(yes.exitCode()).as(yes.toString()).isZero();
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void linkDeleteAsksAtATerminalAndANoChangesNothing() {
        ScriptedTerminal no = ScriptedTerminal.answering("n");
        Cli.Result declined = Cli.runOnTerminal(env, no, "link", "delete", link);
        assertThat(declined.exitCode()).as(declined.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(declined.err()).contains("hlm: NOT_CONFIRMED: unlinking " + link, "nothing was changed");
        assertThat(no.prompts()).singleElement().asString()
                .contains("Unlink " + link + " (vsphere.local)", "127.0.0.1").endsWith("[y/N] ");
        // What the unlink does is on the screen right above the question.
        assertThat(no.screensAtPrompts().get(0)).contains("on-prem users lose the cloud inventory");
        assertThat(sim.links()).hasSize(1);

        ScriptedTerminal enter = ScriptedTerminal.answering("");
        assertThat(Cli.runOnTerminal(env, enter, "link", "delete", link).exitCode()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(sim.links()).hasSize(1);

        ScriptedTerminal yes = ScriptedTerminal.answering("yes");
        Cli.Result unlinked = Cli.runOnTerminal(env, yes, "link", "delete", link);
        assertThat(unlinked.exitCode()).as(unlinked.toString()).isZero();
        assertThat(unlinked.out()).contains("Unlinked " + link);
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void aDryRunNeverAsks() {
        // A terminal with no answers fails the test at any prompt.
        Cli.Result onTerminal = Cli.runOnTerminal(env, ScriptedTerminal.answering(), "link", "delete", link, "--dry-run");
        assertThat(onTerminal.exitCode()).as(onTerminal.toString()).isZero();
        assertThat(onTerminal.out()).contains("Dry run: nothing was changed");
        Cli.Result noTerminal = Cli.run(env, "admin", "set", "other@corp.local", "--dry-run");
        assertThat(noTerminal.exitCode()).as(noTerminal.toString()).isZero();
        assertThat(noTerminal.out()).contains("- ops@corp.local");
        Cli.Result remove = Cli.runOnTerminal(env, ScriptedTerminal.answering(), "admin", "remove", "ops@corp.local",
                "--dry-run");
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(sim.links()).hasSize(1);
        assertThat(sim.administrators()).containsExactly("ops@corp.local");
    }

    @Test
    void adminSetAsksOnlyWhenItRemoves() {
        Cli.Result adding = Cli.run(env, "admin", "set", "ops@corp.local", "dev@corp.local");
        assertThat(adding.exitCode()).as(adding.toString()).isZero();
        assertThat(sim.administrators()).containsExactlyInAnyOrder("ops@corp.local", "dev@corp.local");

        Cli.Result removing = Cli.run(env, "admin", "set", "dev@corp.local");
        assertThat(removing.exitCode()).as(removing.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(removing.err()).contains("removing ops@corp.local from the HLM administrators", "give --yes");
        assertThat(sim.administrators()).containsExactlyInAnyOrder("ops@corp.local", "dev@corp.local");

        ScriptedTerminal yes = ScriptedTerminal.answering("y");
        Cli.Result confirmed = Cli.runOnTerminal(env, yes, "admin", "set", "dev@corp.local");
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(yes.prompts()).singleElement().asString().contains("Remove ops@corp.local from the HLM administrators");
        assertThat(sim.administrators()).containsExactly("dev@corp.local");
    }

    @Test
    void adminRemoveAsksForTheGroupsItWouldRemoveOnly() {
        Cli.Result absent = Cli.run(env, "admin", "remove", "nobody@corp.local");
        assertThat(absent.exitCode()).as("nothing to remove, nothing to confirm: " + absent).isZero();

        Cli.Result refused = Cli.run(env, "admin", "remove", "ops@corp.local");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sim.administrators()).containsExactly("ops@corp.local");

        ScriptedTerminal no = ScriptedTerminal.answering("no");
        Cli.Result declined = Cli.runOnTerminal(env, no, "admin", "remove", "ops@corp.local", "nobody@corp.local");
        assertThat(declined.exitCode()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(no.prompts()).singleElement().asString().contains("Remove ops@corp.local from")
                .doesNotContain("nobody");
        assertThat(sim.administrators()).containsExactly("ops@corp.local");

        Cli.Result yes = Cli.run(env, "admin", "remove", "ops@corp.local", "-y");
        assertThat(yes.exitCode()).as(yes.toString()).isZero();
        assertThat(sim.administrators()).isEmpty();
    }
}
