package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second {@code link create} while a first is still linking (a real link takes minutes): the cloud vCenter
 * refuses it ALREADY_EXISTS although no link is listed yet. hlm says that the domain is being linked and to
 * wait, or waits itself with {@code --wait}; {@code link check} does not claim there is no link.
 *
 * <p>Two runs overlap here, so they run through {@link Main#run} rather than {@link Cli}, whose check for open
 * sessions would see the other run's; the sessions are checked once both have ended.
 */
@WithSimulator
class LinkWhileLinkingIT {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private static Run run(Map<String, String> env, Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(env, InputStream.nullInputStream(), terminal);
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), ctx);
        Run r = new Run(code, out.toString(), err.toString());
        assertThat(r.toString()).doesNotContain(env.get("HLM_PASSWORD")).doesNotContain(env.get("HLM_PSC_PASSWORD"));
        return r;
    }

    /** The first run, under way in the background until the test ends the simulator's link delay. */
    private CompletableFuture<Run> firstCreate(Simulator sim, Map<String, String> env) {
        CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> run(env, Terminal.none(), "link", "create"));
        await(() -> sim.domainBeingLinked().isPresent() || first.isDone(), "the first create to be linking");
        assertThat(first).as("the first create is linking").isNotDone();
        return first;
    }

    private static void finish(Simulator sim, CompletableFuture<Run> first) throws Exception {
        sim.finishLinking();
        Run done = first.get(60, TimeUnit.SECONDS);
        assertThat(done.exitCode()).as(done.toString()).isZero();
    }

    private Map<String, String> env(Simulator sim) {
        return SimEnv.with(SimEnv.of(sim, dir), "HLM_KNOWN_HOSTS", dir.resolve("known_hosts").toString());
    }

    @Test
    @WithSimulator(linkDelay = "PT5M")
    void aSecondCreateIsToldTheDomainIsBeingLinkedNotToUnlink(Simulator sim) throws Exception {
        Map<String, String> env = env(sim);
        CompletableFuture<Run> first = firstCreate(sim, env);

        Run second = run(env, Terminal.none(), "link", "create");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(second.err()).startsWith("hlm: ALREADY_EXISTS: a link is being made on 127.0.0.1 (by another "
                + "run, or from the vSphere Client) and is not listed yet: ")
                .contains("hint: wait for it and check with 'hlm link list', or rerun with --wait")
                .doesNotContain("unlink");
        assertThat(run(env, Terminal.none(), "link", "list").out()).doesNotContain("vsphere.local");

        Run check = run(env, Terminal.none(), "link", "check");
        assertThat(check.out()).containsPattern("(?m)^PASS  Existing link\\s+no link listed: 127.0.0.1 can link "
                + "vsphere.local unless a create is under way now \\(the API lists a link only once it is made, "
                + "and shows no create in progress\\)");

        finish(sim, first);
        assertThat(sim.links()).hasSize(1);
        assertThat(sim.openSessions()).isZero();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "json {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    @WithSimulator(linkDelay = "PT5M")
    void waitWaitsUntilTheLinkIsListedAndReportsItLinked(boolean json, Simulator sim) throws Exception {
        Map<String, String> env = env(sim);
        CompletableFuture<Run> first = firstCreate(sim, env);

        CompletableFuture<Run> second = CompletableFuture.supplyAsync(
                () -> json ? run(env, SpinnerIT.WATCHED, "link", "create", "--wait", "--json")
                        : run(env, SpinnerIT.WATCHED, "link", "create", "--wait"));
        // The second was refused and has looked for the link: it waits now.
        await(() -> sim.requests().stream().anyMatch(r -> r.method().equals("GET") && r.path().equals("/api/hvc/links"))
                || second.isDone(), "the second create to look for the link");
        assertThat(second).as("the second create waits").isNotDone();

        finish(sim, first);
        Run waited = second.get(60, TimeUnit.SECONDS);
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        String id = sim.links().get(0).link();
        if (json) {
            JsonNode record = dev.hlm.api.Json.mapper().readTree(waited.out());
            assertThat(record.get("outcome").asText()).isEqualTo("made_by_another_run");
            assertThat(record.get("link").asText()).isEqualTo(id);
        } else {
            assertThat(waited.out()).startsWith("Linked: vsphere.local is linked to 127.0.0.1 (link " + id
                    + "), by another run that this one waited for; nothing else changed.");
        }
        assertThat(waited.err()).contains("\r| waiting for the link of vsphere.local being made").endsWith("\r\033[K");
        assertThat(sim.links()).hasSize(1);
        assertThat(sim.openSessions()).isZero();
    }

    @Test
    @WithSimulator(linkDelay = "PT5M")
    void waitGivesUpAfterTheLinkTimeout(Simulator sim) throws Exception {
        Map<String, String> env = env(sim);
        CompletableFuture<Run> first = firstCreate(sim, env);

        Run second = run(env, Terminal.none(), "link", "create", "--wait", "--link-timeout", "1");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(second.err()).startsWith("hlm: TIMEOUT: no link of vsphere.local showed up on 127.0.0.1 within 1 s "
                + "(--link-timeout)")
                .contains("hint: ");
        assertThat(second.out()).isEmpty();

        finish(sim, first);
        assertThat(sim.openSessions()).isZero();
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
