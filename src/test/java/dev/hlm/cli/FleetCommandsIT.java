package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.CreateSpec;
import dev.hlm.api.Json;
import dev.hlm.client.HlmClient;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.SimulatorExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hlm plan, apply and status as a user runs them against a simulated fleet: the plan's text, records and exit codes,
 * the confirmation, convergence, an empty second plan, status for people and for monitoring, and the fleet file's
 * own errors. Every run is checked for leaked passwords (see {@link Cli}).
 */
class FleetCommandsIT {
    @TempDir
    Path dir;

    private final List<Simulator> sims = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private Path file;

    @AfterEach
    void stop() {
        sims.forEach(Simulator::close);
    }

    /** A fleet of {@code n} clouds, each linked to its own PSC with one admin group, passwords from the environment. */
    private void fleet(int n, String... extraTargets) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                defaults:
                  username: cloudadmin@vmc.local
                  password: env:FLEET_PASSWORD
                  link:
                    domain-name: vsphere.local
                    psc-username: administrator@vsphere.local
                    psc-password: env:FLEET_PSC_PASSWORD
                    admin-groups: [vmc-admins@vsphere.local]
                targets:
                """);
        char[] password = "cloud-Secret-1".toCharArray();
        char[] pscPassword = "psc-Secret-2".toCharArray();
        env.put("FLEET_PASSWORD", new String(password));
        env.put("FLEET_PSC_PASSWORD", new String(pscPassword));
        for (int i = 1; i <= n; i++) {
            Simulator sim = Simulator.builder().cloudAdmin("cloudadmin@vmc.local", password.clone())
                    .pscAdmin("administrator@vsphere.local", pscPassword.clone()).build();
            sims.add(sim);
            Path ca = dir.resolve("ca-" + i + ".pem");
            Files.writeString(ca, sim.cloudCertificate().pem());
            yaml.append("""
                      - name: sddc-%d
                        server: %s
                        ca-cert: %s
                        link:
                          psc-hostname: %s
                          psc-port: %d
                          psc-thumbprint: "%s"
                    """.formatted(i, sim.cloudUrl().getAuthority(), ca, sim.pscHostname(), sim.pscPort(),
                    sim.pscCertificate().sha256()));
        }
        for (String extra : extraTargets) {
            yaml.append(extra);
        }
        file = dir.resolve("hlm.yaml");
        Files.writeString(file, yaml);
    }

    private Cli.Result hlm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-f", file.toString()));
        return Cli.run(env, all.toArray(String[]::new));
    }

    private static void link(Simulator sim, String... groups) {
        try (HlmClient vc = SimulatorExtension.clientOf(sim).build()) {
            vc.createLink(new CreateSpec(sim.pscHostname(), Integer.toString(sim.pscPort()), sim.domainName(),
                    sim.pscAdminUsername(), sim.pscAdminPassword(), sim.pscCertificate().sha256().toString(), null,
                    List.of(groups)));
        }
    }

    @Test
    void planApplyPlanStatusConvergesTheFleet() throws IOException {
        fleet(3);
        link(sims.get(1), "vmc-admins@vsphere.local");
        link(sims.get(2), "vmc-admins@vsphere.local", "old@vsphere.local");

        Cli.Result plan = hlm("plan");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
        assertThat(plan.out()).contains("sddc-1  1 change", "+ create the link to vsphere.local", "sddc-2  in sync",
                "sddc-3  1 change", "- remove administrator group old@vsphere.local", "2 to change, 1 in sync.");
        JsonNode records = Json.mapper().readTree(hlm("plan", "--json").out());
        assertThat(records).hasSize(3);
        assertThat(records.get(0).path("state").asText()).isEqualTo("changes");
        assertThat(records.get(0).path("steps").get(0).path("action").asText()).isEqualTo("create_link");
        assertThat(records.get(1).path("state").asText()).isEqualTo("in_sync");

        Cli.Result unconfirmed = hlm("apply");
        assertThat(unconfirmed.exitCode()).as(unconfirmed.toString()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("--yes", "'hlm plan'").doesNotContain("--dry-run");
        assertThat(sims.get(0).links()).isEmpty();

        Cli.Result apply = hlm("apply", "--yes");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("sddc-1: converged", "Applied: 3 converged, 0 failed.");
        assertThat(sims).allSatisfy(s -> {
            assertThat(s.links()).hasSize(1);
            assertThat(s.administrators()).containsExactly("vmc-admins@vsphere.local");
            assertThat(s.openSessions()).as("logged out").isZero();
        });

        Cli.Result again = hlm("plan");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("0 to change, 3 in sync.");
        Cli.Result nothing = hlm("apply");
        assertThat(nothing.exitCode()).as("nothing to apply needs no --yes: " + nothing).isZero();
        assertThat(nothing.out()).contains("Nothing to do.");

        Cli.Result status = hlm("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("sddc-3  HEALTHY");
        sims.get(1).stopPsc();
        Cli.Result nagios = hlm("status", "--nagios");
        assertThat(nagios.exitCode()).isEqualTo(2);
        assertThat(nagios.out()).startsWith("HLM CRITICAL - 1 of 3 targets not as the fleet file says: sddc-2 UNHEALTHY")
                .contains("'sddc-2_ok'=0", "'sddc-1_ok'=1", "healthy=2");
        assertThat(hlm("status").exitCode()).isEqualTo(1);
    }

    @Test
    void anUnreachableTargetFailsAloneAndPlanSaysItCouldNotBeRead() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        fleet(2, """
                  - name: gone
                    server: 127.0.0.1:%d
                    insecure: true
                    state: unlinked
                """.formatted(closedPort));
        Cli.Result plan = hlm("plan");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.out()).contains("gone", "cannot tell:", "could not be read");

        Cli.Result apply = hlm("apply", "--yes", "--json");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
        JsonNode report = Json.mapper().readTree(apply.out());
        assertThat(report.findValuesAsText("result")).containsExactly("converged", "converged", "failed");
        assertThat(sims).allSatisfy(s -> assertThat(s.links()).hasSize(1));
        assertThat(apply.err()).as("the plan goes to stderr with --json").contains("Plan for");
    }

    @Test
    void theFleetFileIsFoundAndItsErrorsNameFileLineAndField() throws IOException {
        fleet(1);
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("hlm"));
        Files.copy(file, config.resolve("hlm/hlm.yaml"));
        env.put("XDG_CONFIG_HOME", config.toString());
        Cli.Result found = Cli.run(env, "plan");
        assertThat(found.exitCode()).as(found.toString()).isEqualTo(2);
        assertThat(found.out()).contains(config.resolve("hlm/hlm.yaml").toString());
        env.remove("XDG_CONFIG_HOME");
        env.put("HLM_FLEET", file.toString());
        assertThat(Cli.run(env, "status").exitCode()).as("HLM_FLEET names it").isEqualTo(1);

        Files.writeString(file, Files.readString(file).replace("env:FLEET_PASSWORD", "hunter2-inline"));
        Cli.Result inline = hlm("plan");
        assertThat(inline.exitCode()).as("plan: 2 means changes, so a bad file is 1: " + inline).isEqualTo(1);
        assertThat(inline.err()).contains(file + ":3: defaults.password:").doesNotContain("hunter2-inline");
        assertThat(hlm("status").exitCode()).isEqualTo(2);

        Cli.Result missing = Cli.run(env, "status", "-f", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml: does not exist");
    }

    @Test
    void aNamedTargetGivesEveryCommandItsConnectionAndTheEnvironmentStillWins() throws IOException {
        fleet(2);
        Cli.Result created = Cli.run(env, "--target", "sddc-2", "--fleet", file.toString(), "link", "create");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(sims.get(1).links()).hasSize(1);
        assertThat(sims.get(0).links()).as("only the named target").isEmpty();

        env.put("HLM_FLEET", file.toString());
        env.put("HLM_TARGET", "sddc-2");
        Cli.Result list = Cli.run(env, "link", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("vsphere.local");
        Cli.Result other = Cli.run(env, "--target=sddc-1", "link", "list");
        assertThat(other.out()).as("the option names another target than HLM_TARGET").contains("No links.");

        env.put("HLM_USERNAME", "someone-else@vmc.local");
        Cli.Result overridden = Cli.run(env, "link", "list");
        assertThat(overridden.exitCode()).as("HLM_USERNAME wins over the target's username: " + overridden).isEqualTo(4);
        env.remove("HLM_USERNAME");

        Cli.Result unknown = Cli.run(env, "--target", "sddc-9", "link", "list");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--target sddc-9: no such target", "the targets are: sddc-1, sddc-2");
    }

    /**
     * The root's {@code --fleet} and {@code --target} before plan, apply and status mean what they mean before any
     * command: that file, that one target. An apply once converged another fleet (HLM_FLEET's) without a word.
     */
    @Test
    void theRootsFleetAndTargetChooseTheFileAndTheTargetOfPlanApplyAndStatus() throws IOException {
        fleet(2);
        env.put("HLM_FLEET", dir.resolve("another-fleet.yaml").toString()); // not there: reading it would fail

        Cli.Result plan = Cli.run(env, "--fleet", file.toString(), "plan");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
        assertThat(plan.out()).contains("Plan for " + file + " (2 targets)", "sddc-1", "sddc-2");

        Cli.Result one = Cli.run(env, "--fleet", file.toString(), "--target", "sddc-2", "apply", "--yes");
        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(one.out()).contains("(1 target):").contains("sddc-2").doesNotContain("sddc-1");
        assertThat(sims.get(0).links()).isEmpty();
        assertThat(sims.get(1).links()).hasSize(1);

        Map<String, String> pointed = new HashMap<>(env);
        pointed.put("HLM_TARGET", "sddc-1");
        Cli.Result status = Cli.run(pointed, "--fleet", file.toString(), "status");
        assertThat(status.out()).contains("sddc-1").doesNotContain("sddc-2");

        Cli.Result both = Cli.run(env, "--fleet", file.toString(), "plan", "-f", dir.resolve("other.yaml").toString());
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.err()).contains("--fleet " + file, "-f " + dir.resolve("other.yaml"), "different files");

        Path another = Files.writeString(dir.resolve("another-fleet.yaml"), Files.readString(file)
                .replace("sddc-2", "sddc-b"));
        Cli.Result notThere = Cli.run(env, "--target", "sddc-2", "plan", "-f", another.toString());
        assertThat(notThere.exitCode()).as(notThere.toString()).isEqualTo(1);
        assertThat(notThere.err()).contains("--target sddc-2: no such target in " + another, "sddc-1, sddc-b");
        assertThat(notThere.out()).isEmpty();
    }

    /**
     * Under --nagios every answer is one plugin line: a fleet file or an option that is wrong, and a target whose
     * password does not resolve, are UNKNOWN (exit 3), what the plugin could not check, not CRITICAL.
     */
    @Test
    void statusForMonitoringSaysUnknownForWhatItCouldNotCheck() throws IOException {
        fleet(2);
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "targets: [\n");
        Cli.Result badFile = Cli.run(env, "status", "--nagios", "-f", broken.toString());
        assertThat(badFile.exitCode()).as(badFile.toString()).isEqualTo(3);
        assertThat(badFile.out()).startsWith("HLM UNKNOWN - ").contains(broken.toString());

        Cli.Result badOption = hlm("status", "--nagios", "--parallel", "0");
        assertThat(badOption.exitCode()).as(badOption.toString()).isEqualTo(3);
        assertThat(badOption.out()).startsWith("HLM UNKNOWN - ").contains("--parallel");

        env.remove("FLEET_PASSWORD");
        Cli.Result noPassword = hlm("status", "--nagios");
        assertThat(noPassword.exitCode()).as(noPassword.toString()).isEqualTo(3);
        assertThat(noPassword.out()).startsWith("HLM UNKNOWN - 2 of 2 targets not as the fleet file says: sddc-1 UNCHECKED")
                .contains("env:FLEET_PASSWORD, which is not set").contains("unchecked=2");
        Cli.Result forPeople = hlm("status");
        assertThat(forPeople.exitCode()).isEqualTo(1);
        assertThat(forPeople.out()).contains("sddc-1  UNCHECKED");
    }

    /** A link made with --target is the one the file describes, administrators too: the next plan has nothing to do. */
    @Test
    void aLinkCreatedForANamedTargetHasTheFileAdministratorsAndLeavesNothingToPlan() throws IOException {
        fleet(1);

        Cli.Result create = Cli.run(env, "--fleet", file.toString(), "--target", "sddc-1", "link", "create");
        assertThat(create.exitCode()).as(create.toString()).isZero();

        Cli.Result plan = hlm("plan");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("0 to change, 1 in sync");

        // An --admin-group given replaces the file's, as every option wins over the target.
        Cli.Result check = Cli.run(env, "--fleet", file.toString(), "--target", "sddc-1", "link", "check",
                "--admin-group", "other@vsphere.local");
        assertThat(check.out()).contains("other@vsphere.local").doesNotContain("vmc-admins@vsphere.local  ");
    }
}
