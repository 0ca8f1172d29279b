package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.Summary;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --dry-run} on every command that changes something: it prints the requests, and the simulator's
 * links, administrators and recorded requests show that nothing but logins, reads and logouts reached it.
 */
@WithSimulator
class DryRunIT {
    @TempDir
    Path dir;

    /** What a dry run may send: the session calls and reads. */
    private static void onlyLoginsAndReads(List<RecordedRequest> requests) {
        assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(
                r.method().equals("GET") || r.path().endsWith("/session") || r.path().contains("/cis/session"))
                .as(r.method() + " " + r.path()).isTrue());
    }

    private record State(List<Summary> links, Set<String> administrators) {
        static State of(Simulator sim) {
            return new State(sim.links(), sim.administrators());
        }
    }

    private static List<RecordedRequest> since(Simulator sim, int before) {
        return sim.requests().subList(before, sim.requests().size());
    }

    @ParameterizedTest(name = "--api-flavor {0}")
    @ValueSource(strings = {"api", "rest"})
    void createPrintsTheRequestWithThePasswordMaskedAndLinksNothing(String flavor, Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_API_FLAVOR", flavor);
        Cli.Result r = Cli.run(env, "link", "create", "--dry-run", "--admin-group", "ops@corp.local");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Dry run: nothing was changed", "POST /" + flavor + "/hvc/links",
                "\"password\":\"***\"", "ops@corp.local", sim.pscHostname());
        assertThat(r.out()).doesNotContain("Linked ");
        assertThat(sim.links()).isEmpty();
        assertThat(sim.administrators()).isEmpty();
        onlyLoginsAndReads(sim.requests());
        assertThat(sim.pscRequests()).isEmpty();
        assertThat(sim.openSessions()).isZero();
    }

    @Test
    void createJsonPrintsThePlannedRequestsAsRecords(Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.of(sim, dir), "link", "create", "--dry-run", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"operation\" : \"create link\"", "\"method\" : \"POST\"",
                "\"path\" : \"/api/hvc/links\"", "\"password\" : \"***\"");
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void createWithoutAThumbprintAndNoTerminalStopsAsTheRealRunWouldNamingTheThumbprint(Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", null);
        Cli.Result dry = Cli.run(env, "link", "create", "--dry-run");
        String sha256 = sim.pscCertificate().sha256().toString();
        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(dry.err()).startsWith("hlm: USAGE: without --psc-thumbprint, 127.0.0.1 refuses this create")
                .contains("a real run would then stop", "rerun with --psc-thumbprint " + sha256);
        assertThat(sim.links()).isEmpty();
        onlyLoginsAndReads(sim.requests());

        // The forecast holds: the real run stops the same way, and the thumbprint named lets it link.
        Cli.Result real = Cli.run(env, "link", "create");
        assertThat(real.exitCode()).as(real.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(real.err()).contains("--psc-thumbprint " + sha256);
        Cli.Result named = Cli.run(env, "link", "create", "--psc-thumbprint", sha256);
        assertThat(named.exitCode()).as(named.toString()).isZero();
    }

    @Test
    void createWithoutAThumbprintOnATerminalPlansBothCreatesAndAsksNothing(Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", null);
        ScriptedTerminal person = ScriptedTerminal.answering();
        Cli.Result r = Cli.runOnTerminal(env, person, "link", "create", "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("hlm: note: without --psc-thumbprint", "asks you to confirm it",
                "the PSC presents SHA-256 " + sim.pscCertificate().sha256());
        assertThat(r.out().split("POST /api/hvc/links", -1)).as("creates planned").hasSize(3);
        assertThat(r.out()).contains("\"ssl_thumbprint\":\"" + sim.pscCertificate().sha256() + "\"");
        assertThat(person.prompts()).as("a dry run confirms nothing").isEmpty();
        assertThat(sim.links()).isEmpty();
        onlyLoginsAndReads(sim.requests());
    }

    @Test
    @WithSimulator(role = dev.hlm.sim.Role.GATEWAY)
    void createWithoutAThumbprintOnAGatewayPlansTheOneCreateItAccepts(Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", null);
        Cli.Result r = Cli.run(env, "link", "create", "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().split("POST /api/hvc/links", -1)).as("creates planned").hasSize(2);
        assertThat(r.out()).doesNotContain("ssl_thumbprint");
        assertThat(sim.links()).isEmpty();
    }

    @ParameterizedTest(name = "PSC password given: {0}")
    @ValueSource(booleans = {true, false})
    void deleteLeavesTheLinkInPlace(boolean withPscPassword, Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        String id = sim.links().get(0).link();
        if (!withPscPassword) {
            env = SimEnv.with(env, "HLM_PSC_PASSWORD", null);
        }
        State before = State.of(sim);
        int requests = sim.requests().size();

        Cli.Result r = Cli.run(env, "link", "delete", id, "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains(withPscPassword
                ? "POST /api/hvc/links/" + id + "?action=delete" : "DELETE /api/hvc/links/" + id);
        if (withPscPassword) {
            assertThat(r.out()).contains("\"password\":\"***\"", sim.pscAdminUsername());
        }
        assertThat(r.out()).doesNotContain("Unlinked");
        assertThat(State.of(sim)).isEqualTo(before);
        onlyLoginsAndReads(since(sim, requests));
    }

    @Test
    void deleteOfALinkThatDoesNotExistForetellsNotFound(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        Cli.Result r = Cli.run(env, "link", "delete", "no-such-link", "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(r.err()).startsWith("hlm: NOT_FOUND: link no-such-link does not exist");
        Cli.Result real = Cli.run(env, "link", "delete", "no-such-link");
        assertThat(real.exitCode()).as("the real run agrees").isEqualTo(ExitCodes.API_REFUSED);

        Cli.Result ifExists = Cli.run(env, "link", "delete", "no-such-link", "--dry-run", "--if-exists");
        assertThat(ifExists.exitCode()).as(ifExists.toString()).isZero();
        assertThat(ifExists.out()).contains("does not exist: nothing to do");
        onlyLoginsAndReads(sim.requests().subList(0, 3));
    }

    @Test
    void adminAddAndRemoveChangeNothing(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "admin", "add", "keep@corp.local").exitCode()).isZero();
        State before = State.of(sim);
        int requests = sim.requests().size();

        Cli.Result add = Cli.run(env, "admin", "add", "a@corp.local", "b@corp.local", "--dry-run");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).contains("POST /api/hvc/management/administrators?action=add",
                "{\"group_name\":\"a@corp.local\"}", "{\"group_name\":\"b@corp.local\"}");
        assertThat(add.out()).doesNotContain("Added");

        Cli.Result remove = Cli.run(env, "admin", "remove", "keep@corp.local", "--dry-run");
        assertThat(remove.exitCode()).isZero();
        assertThat(remove.out()).contains("POST /api/hvc/management/administrators?action=remove");

        assertThat(State.of(sim)).isEqualTo(before);
        onlyLoginsAndReads(since(sim, requests));
    }

    @Test
    void adminSetShowsWhatItWouldAddAndRemove(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "admin", "add", "old@corp.local").exitCode()).isZero();
        State before = State.of(sim);
        int requests = sim.requests().size();

        Cli.Result r = Cli.run(env, "admin", "set", "new@corp.local", "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("+ new@corp.local", "- old@corp.local",
                "PUT /api/hvc/management/administrators", "{\"group_names\":[\"new@corp.local\"]}");
        assertThat(r.out()).doesNotContain("are now");
        assertThat(State.of(sim)).isEqualTo(before);
        onlyLoginsAndReads(since(sim, requests));
    }

    @Test
    void everyCommandThatChangesSomethingHasDryRun() {
        for (String[] command : List.of(new String[] {"link", "create"}, new String[] {"link", "delete"},
                new String[] {"admin", "add"}, new String[] {"admin", "remove"}, new String[] {"admin", "set"})) {
            Cli.Result help = Cli.run(Map.of(), command[0], command[1], "--help");
            assertThat(help.out()).as(String.join(" ", command)).contains("--dry-run");
        }
    }
}
