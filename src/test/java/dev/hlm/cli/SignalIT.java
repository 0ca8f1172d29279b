package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (SIGINT) or SIGTERM while a real {@code hlm} process waits for a slow create: the process logs out
 * before it exits, so the simulator's open sessions go back to zero.
 */
@WithSimulator
@Tag("process") // starts hlm in a new JVM
class SignalIT {
    /**
     * Starts the command with SIGINT and SIGTERM at their defaults, as a terminal's foreground process has
     * them: a shell without job control (CI) starts background children with SIGINT ignored, and a JVM
     * started so keeps ignoring it.
     */
    private static final String DEFAULT_SIGNALS = "import os, signal, sys\n"
            + "signal.signal(signal.SIGINT, signal.SIG_DFL)\n"
            + "signal.signal(signal.SIGTERM, signal.SIG_DFL)\n"
            + "signal.signal(signal.SIGHUP, signal.SIG_DFL)\n"
            + "os.execvp(sys.argv[1], sys.argv[1:])\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 130", "TERM, 143"})
    @WithSimulator(linkDelay = "PT5M")
    void aSignalDuringASlowCreateLogsOutBeforeExiting(String signal, int exitCode, Simulator sim) throws Exception {
        Process hlm = start(sim, "link", "create");
        try {
            awaitOrFail(() -> !PscTrustIT.creates(sim).isEmpty() || !hlm.isAlive(), "the create to arrive");
            assertThat(hlm.isAlive()).as("hlm is waiting for the create: %s", Files.readString(dir.resolve("err"))).isTrue();
            assertThat(sim.openSessions()).isEqualTo(1);

            signalAndAwaitExit(hlm, signal);

            String err = Files.readString(dir.resolve("err"));
            assertThat(hlm.exitValue()).as(err).isEqualTo(exitCode);
            assertThat(err).contains("hlm: INTERRUPTED: stopped before the command finished; logged out", "hint:");
            assertThat(sim.openSessions()).as("sessions left open after SIG%s", signal).isZero();
            assertThat(sim.links()).isEmpty();
        } finally {
            hlm.destroyForcibly();
        }
    }

    @org.junit.jupiter.api.Test
    void ctrlCWhileLinkCheckIsLoggedInAtThePscLogsOutThereToo() throws Exception {
        try (Simulator sim = Simulator.builder().pscLatency(Duration.ofSeconds(1)).build()) {
            Process hlm = start(sim, "link", "check");
            try {
                // Its who-am-I carries the session token: from then on hlm holds a PSC session to end.
                awaitOrFail(() -> sim.pscRequests().stream().anyMatch(r -> r.method().equals("GET")
                        && r.path().endsWith("/session")) || !hlm.isAlive(), "hlm's who-am-I at the PSC");
                assertThat(hlm.isAlive()).as("hlm is checking: %s", Files.readString(dir.resolve("err"))).isTrue();
                assertThat(sim.pscOpenSessions()).isEqualTo(1);

                signalAndAwaitExit(hlm, "INT");

                String err = Files.readString(dir.resolve("err"));
                assertThat(hlm.exitValue()).as(err).isEqualTo(130);
                assertThat(sim.pscOpenSessions()).as("PSC sessions left open: %s", err).isZero();
                assertThat(sim.openSessions()).as("vCenter sessions left open: %s", err).isZero();
            } finally {
                hlm.destroyForcibly();
            }
        }
    }

    @org.junit.jupiter.api.Test
    @WithSimulator(linkDelay = "PT5M", faults = "logout:error=SERVICE_UNAVAILABLE")
    void aLogoutTheVcenterDoesNotConfirmIsReportedAsSuch(Simulator sim) throws Exception {
        Process hlm = start(sim, "link", "create", "--retries", "1", "--retry-backoff", "0");
        try {
            awaitOrFail(() -> !PscTrustIT.creates(sim).isEmpty() || !hlm.isAlive(), "the create to arrive");
            assertThat(hlm.isAlive()).as("hlm is waiting for the create: %s", Files.readString(dir.resolve("err"))).isTrue();

            signalAndAwaitExit(hlm, "INT");

            String err = Files.readString(dir.resolve("err"));
            assertThat(hlm.exitValue()).as(err).isEqualTo(130);
            assertThat(err).contains("hlm: INTERRUPTED: stopped before the command finished; the logout was not "
                    + "confirmed by 127.0.0.1:" + sim.cloudPort() + ", so the session there ends on its idle timeout")
                    .doesNotContain("logged out");
            assertThat(sim.openSessions()).as("the session the vCenter kept").isEqualTo(1);
        } finally {
            hlm.destroyForcibly();
        }
    }

    @org.junit.jupiter.api.Test
    @WithSimulator(faults = "login:latency=3s")
    void ctrlCWhileTheLoginWaitsForItsAnswerDoesNotClaimNoSessionWasOpen(Simulator sim) throws Exception {
        Process hlm = start(sim, "link", "list");
        try {
            awaitOrFail(() -> !sim.requests().isEmpty() || !hlm.isAlive(), "the login to arrive");
            assertThat(hlm.isAlive()).as("hlm is logging in: %s", Files.readString(dir.resolve("err"))).isTrue();

            signalAndAwaitExit(hlm, "INT");

            // The vCenter opens the session after hlm is gone: hlm cannot end it, and says so.
            String err = Files.readString(dir.resolve("err"));
            assertThat(hlm.exitValue()).as(err).isEqualTo(130);
            assertThat(err).contains("the logout was not confirmed by 127.0.0.1:" + sim.cloudPort()
                    + ", so the session there ends on its idle timeout").doesNotContain("no session was open");
        } finally {
            hlm.destroyForcibly();
        }
    }

    @org.junit.jupiter.api.Test
    @WithSimulator(linkDelay = "PT5M")
    void underJsonTheInterruptionIsARecordOnStandardOutput(Simulator sim) throws Exception {
        Process hlm = start(sim, "link", "create", "--json");
        try {
            awaitOrFail(() -> !PscTrustIT.creates(sim).isEmpty() || !hlm.isAlive(), "the create to arrive");
            signalAndAwaitExit(hlm, "TERM");

            String out = Files.readString(dir.resolve("out"));
            assertThat(hlm.exitValue()).as(out + Files.readString(dir.resolve("err"))).isEqualTo(143);
            com.fasterxml.jackson.databind.JsonNode error = dev.hlm.api.Json.mapper().readTree(out).get("error");
            assertThat(error.get("type").asText()).isEqualTo("INTERRUPTED");
            assertThat(error.get("message").asText())
                    .isEqualTo("stopped before the command finished; logged out (SIGTERM)");
            assertThat(error.get("exit_code").asInt()).isEqualTo(143);
            assertThat(sim.openSessions()).isZero();
        } finally {
            hlm.destroyForcibly();
        }
    }

    @org.junit.jupiter.api.Test
    @WithSimulator(linkDelay = "PT5M")
    void aHangupLogsOutAndExits129(Simulator sim) throws Exception {
        Process hlm = start(sim, "link", "create");
        try {
            awaitOrFail(() -> !PscTrustIT.creates(sim).isEmpty() || !hlm.isAlive(), "the create to arrive");
            signalAndAwaitExit(hlm, "HUP");

            String err = Files.readString(dir.resolve("err"));
            assertThat(hlm.exitValue()).as(err).isEqualTo(129);
            assertThat(err).contains("hlm: INTERRUPTED: stopped before the command finished; logged out");
            assertThat(sim.openSessions()).isZero();
        } finally {
            hlm.destroyForcibly();
        }
    }

    @org.junit.jupiter.api.Test
    void aSecondCtrlCWhileTheLogoutStallsStopsAtOnce() throws Exception {
        // The logout's answer never comes, and hlm would wait for it up to its two-minute timeout.
        try (Simulator sim = Simulator.builder().linkDelay(Duration.ofMinutes(5))
                .fault(dev.hlm.sim.fault.Fault.parse("logout:stall")).build()) {
            Process hlm = start(sim, "link", "create", "--timeout", "120", "--retries", "0");
            try {
                awaitOrFail(() -> !PscTrustIT.creates(sim).isEmpty() || !hlm.isAlive(), "the create to arrive");
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(hlm.pid())).inheritIO().start();
                assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
                awaitOrFail(() -> sim.requests().stream().anyMatch(r -> r.method().equals("DELETE")) || !hlm.isAlive(),
                        "the logout to arrive");
                assertThat(hlm.isAlive()).as("hlm waits for the logout's answer").isTrue();

                Process again = new ProcessBuilder("kill", "-INT", Long.toString(hlm.pid())).inheritIO().start();
                assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
                // Far less than the 120 s the logout could still take: the second Ctrl-C is not ignored.
                assertThat(hlm.waitFor(60, TimeUnit.SECONDS)).as("hlm exits on the second SIGINT").isTrue();
                String err = Files.readString(dir.resolve("err"));
                assertThat(hlm.exitValue()).as(err).isEqualTo(130);
                assertThat(err).contains("hlm: INTERRUPTED: stopped at once (SIGINT again), without waiting for the logout");
            } finally {
                hlm.destroyForcibly();
            }
        }
    }

    /** Sends SIG{@code signal} to {@code hlm} as kill(1) does, and waits for it to exit (never hangs). */
    private static void signalAndAwaitExit(Process hlm, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(hlm.pid())).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(hlm.waitFor(60, TimeUnit.SECONDS)).as("hlm exits on SIG%s", signal).isTrue();
    }

    /** A real hlm process against the simulator, SIGINT and SIGTERM at their defaults, output in files. */
    private Process start(Simulator sim, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of("python3", "-c", DEFAULT_SIGNALS));
        command.addAll(SimCommandIT.hlm(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("HLM_"));
        env.putAll(SimEnv.of(sim, dir));
        env.put("HLM_KNOWN_HOSTS", dir.resolve("known_hosts").toString());
        return builder.start();
    }

    /** Waits for a condition that a real process brings about; fails (never hangs) after two minutes. */
    private static void awaitOrFail(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
