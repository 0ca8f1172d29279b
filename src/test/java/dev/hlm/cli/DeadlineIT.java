package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One deadline for a whole command (issue 11, point 16): a port that accepts connections and never answers
 * holds hlm no longer than {@code --deadline}, and {@code link status --nagios} has a deadline of its own that
 * fits monitoring agents; each repeat shows on a terminal.
 */
@WithSimulator
class DeadlineIT {
    @TempDir
    Path dir;
    private ServerSocket silent;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private Thread acceptor;

    /** Accepts every connection, reads nothing, answers nothing: not even the TLS handshake. */
    @BeforeEach
    void startSilentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        silent.close();
        for (Socket s : held) {
            s.close();
        }
    }

    private Map<String, String> silentEnv(Simulator sim) {
        return SimEnv.with(SimEnv.of(sim, dir), "HLM_SERVER", "127.0.0.1:" + silent.getLocalPort(),
                "HLM_THUMBPRINT", null, "HLM_INSECURE", "true", "HLM_CA_CERT", null);
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpOnAtTheDeadlineWithoutRepeats(Simulator sim) {
        Cli.Result r = Cli.run(silentEnv(sim), "link", "list", "--deadline", "1500ms");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        String first = r.err().lines().filter(l -> l.startsWith("hlm: TIMEOUT: ")).findFirst().orElse("");
        assertThat(first).as(r.toString()).contains("did not answer within")
                .endsWith("; that was what was left of the deadline of 1500 ms");
        assertThat(held).as("one connection: nothing is repeated past the deadline").hasSize(1);
    }

    /** The pre-flight checks reach the PSC themselves: they keep to the same deadline as the vCenter's calls. */
    @Test
    void linkCheckGivesUpOnAPscThatNeverAnswersAtTheDeadline(Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_HOSTNAME", "127.0.0.1",
                "HLM_PSC_PORT", Integer.toString(silent.getLocalPort()));
        Cli.Result r = Cli.run(env, "link", "check", "--deadline", "2s", "--connect-timeout", "60");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(r.out().lines().filter(l -> l.contains("PSC certificate dates")).findFirst().orElse(""))
                .as(r.toString()).startsWith("FAIL").contains("answered no TLS")
                .endsWith("; that was what was left of the deadline of 2 s");
        assertThat(r.out()).as("the vCenter's own checks ran before it").contains("PASS  Cloud vCenter login");
    }

    @Test
    void nagiosHasADeadlineThatFitsMonitoringAgents(Simulator sim) {
        Cli.Result r = Cli.run(silentEnv(sim), "link", "status", "--nagios");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.out().lines().toList()).as(r.toString()).hasSize(1);
        assertThat(r.out()).startsWith("HLM UNKNOWN - cannot reach the vCenter: ")
                .contains("that was what was left of the deadline of 8 s");
    }

    @Test
    void aDeadlineIsADurationWithItsUnit(Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.of(sim, dir), "link", "list", "--deadline", "8");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'8' needs a unit");
        assertThat(Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_DEADLINE", "30s"), "link", "list").exitCode())
                .isZero();
    }

    @Test
    void eachRepeatShowsOnATerminalWhileScriptsStayQuiet() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (Simulator sim = Simulator.builder().build()) {
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_SERVER", "127.0.0.1:" + closed,
                    "HLM_RETRIES", "2", "HLM_RETRY_BACKOFF", "10ms");
            Cli.Result watched = Cli.runOnTerminal(env, SpinnerIT.WATCHED, "link", "list");
            assertThat(watched.exitCode()).as(watched.toString()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(watched.err()).contains("hlm: note: ", "refused", "; repeat 1 of 2 in ", "; repeat 2 of 2 in ");

            Cli.Result script = Cli.run(env, "link", "list");
            assertThat(script.exitCode()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(script.err()).doesNotContain("hlm: note: ");
        }
    }
}
