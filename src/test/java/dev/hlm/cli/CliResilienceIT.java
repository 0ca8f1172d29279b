package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when the server misbehaves: a create whose answer is lost reports the truth found by
 * listing, repeats show with --verbose only, and a stalled server ends in a timeout with exit 3.
 */
@WithSimulator
class CliResilienceIT {
    @TempDir
    Path dir;

    /** The simulator's environment, with quick repeats so the tests stay fast. */
    private Map<String, String> env(Simulator sim) {
        return SimEnv.with(SimEnv.of(sim, dir), "HLM_RETRY_BACKOFF", "10ms", "HLM_REQUEST_TIMEOUT", "3");
    }

    @Test
    @WithSimulator(faults = "create:drop=after")
    void aCreateWhoseAnswerWasLostAfterTheLinkWasMadeReportsLinked(Simulator sim) {
        Cli.Result r = Cli.run(env(sim), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String id = sim.links().get(0).link();
        assertThat(r.out()).contains("link " + id + " (the answer was lost; the link was found)");
        assertThat(r.err()).as("the notes are for --verbose").isEmpty();
        assertThat(sim.requests()).filteredOn(q -> q.method().equals("POST") && q.path().equals("/api/hvc/links"))
                .as("the create was sent once").hasSize(1);
        assertThat(sim.openSessions()).isZero();
    }

    @Test
    @WithSimulator(faults = "create:drop=after")
    void withVerboseTheSettlingIsShown(Simulator sim) {
        Cli.Result r = Cli.run(env(sim), "link", "create", "--json", "--verbose");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"link\"").contains(sim.links().get(0).link());
        assertThat(r.err()).contains("hlm: note: the answer to create link was lost (")
                .contains("hlm: note: create link: the link to vsphere.local was found: link ");
    }

    @Test
    @WithSimulator(faults = "create:drop=before")
    void aCreateWhoseAnswerWasLostBeforeTheLinkWasMadeReportsNotLinked(Simulator sim) {
        Cli.Result r = Cli.run(env(sim), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err().lines().toList()).hasSize(2);
        assertThat(r.err()).startsWith("hlm: CONNECTION: create link: the connection to ")
                .contains("; the links were listed and none is to vsphere.local: not linked")
                .contains("hint: linking and unlinking take minutes on a real vCenter: check with 'hlm link list'");
        assertThat(sim.links()).isEmpty();
    }

    @Test
    @WithSimulator(faults = "create:stall")
    void aCreateThatOutlastsTheLinkTimeoutIsSettledByListing(Simulator sim) {
        Cli.Result r = Cli.run(env(sim), "link", "create", "--link-timeout", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("(the answer was lost; the link was found)");
    }

    @Test
    @WithSimulator(faults = "list:error=SERVICE_UNAVAILABLE,every=2")
    void repeatsAreQuietUnlessVerbose(Simulator sim) {
        Cli.Result quiet = Cli.run(env(sim), "link", "list");
        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.err()).isEmpty();

        Cli.Result verbose = Cli.run(env(sim), "link", "list", "-v");
        assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
        assertThat(verbose.err()).startsWith("hlm: note: list links failed (SERVICE_UNAVAILABLE: Simulated fault ")
                .contains("repeat 1 of 3 in ");
    }

    @Test
    @WithSimulator(faults = "admin-add:expire,times=1")
    void anExpiredSessionIsRenewedQuietly(Simulator sim) {
        Cli.Result r = Cli.run(env(sim), "admin", "add", "ops@corp.local", "--verbose");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("hlm: note: the session ended during add administrator; logging in again");
        assertThat(sim.administrators()).containsExactly("ops@corp.local");
        assertThat(sim.openSessions()).isZero();
    }

    @Test
    @WithSimulator(faults = "list:stall")
    void aStalledServerEndsInATimeoutThatNamesTheOption(Simulator sim) {
        Cli.Result r = Cli.run(env(sim), "link", "list", "--timeout", "1", "--retries", "1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).startsWith("hlm: TIMEOUT: list links: 127.0.0.1:")
                .contains("did not answer within 1 s").contains("hint: ").contains("--timeout");
    }

    @Tag("process") // starts hlm in a new JVM
    @Test
    void theSimulatorCommandInjectsFaultsIntoARealProcess() throws Exception {
        Process sim = new ProcessBuilder(SimCommandIT.hlm("sim", "--fault", "create:drop=after,times=1",
                "--fault", "list:error=SERVICE_UNAVAILABLE,p=0.5", "--seed", "7"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String line = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8))) {
                    return r.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            Map<String, String> env = SimEnv.with(SimCommandIT.parseExport(line), "HLM_RETRY_BACKOFF", "10ms", "HLM_RETRIES", "8");
            Cli.Result created = Cli.run(env, "link", "create");
            assertThat(created.exitCode()).as(created.toString()).isZero();
            assertThat(created.out()).contains("(the answer was lost; the link was found)");
        } finally {
            sim.destroy();
            sim.waitFor(30, TimeUnit.SECONDS);
            sim.destroyForcibly();
        }
    }
}
