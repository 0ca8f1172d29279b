package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.tls.GeneratedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust on first use for the vCenter itself: a person at a terminal checks and remembers a certificate the
 * system does not trust; later runs pin it; a changed certificate, or another server at the same address,
 * is refused before any credential is sent.
 */
class KnownHostsIT {
    @TempDir
    Path dir;

    /** The simulator's environment without its CA file, so only the known hosts file can trust it. */
    private Map<String, String> untrustedEnv(Simulator sim, Path knownHosts) {
        return SimEnv.with(SimEnv.of(sim, dir), "HLM_CA_CERT", null, "HLM_KNOWN_HOSTS", knownHosts.toString());
    }

    @Test
    void firstUseOnATerminalAsksBeforeSendingAnythingThenRemembersAndPins() throws Exception {
        Path knownHosts = dir.resolve("config/hlm/known_hosts");
        try (Simulator sim = Simulator.builder().build()) {
            Map<String, String> env = untrustedEnv(sim, knownHosts);
            String sha256 = sim.cloudCertificate().sha256().toString();
            ScriptedTerminal person = ScriptedTerminal.answering("y")
                    .beforeEachAnswer(() -> assertThat(sim.requests()).as("sent before the person decided").isEmpty());

            Cli.Result first = Cli.runOnTerminal(env, person, "link", "list");

            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(person.prompts()).singleElement().asString().contains("127.0.0.1:" + sim.cloudPort()).contains("[y/N]");
            assertThat(first.err()).contains("SHA-256:  " + sha256, "SHA-1:    ", "Subject:  ", "CN=hlm-sim-cloud-vcenter",
                    "Issuer:", "Valid:", "Name:     DNS:localhost", "remembering");
            assertThat(Files.readAllLines(knownHosts)).contains("127.0.0.1:" + sim.cloudPort() + " " + sha256);

            // Later runs, even without a terminal, are pinned by the entry: no question.
            Cli.Result later = Cli.run(env, "link", "list");
            assertThat(later.exitCode()).as(later.toString()).isZero();
            assertThat(later.err()).isEmpty();
        }
    }

    @Test
    void declinedFirstUseSendsNothingAndRemembersNothing() {
        Path knownHosts = dir.resolve("known_hosts");
        try (Simulator sim = Simulator.builder().build()) {
            Cli.Result r = Cli.runOnTerminal(untrustedEnv(sim, knownHosts), ScriptedTerminal.answering("n"), "link", "list");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
            String server = "127.0.0.1:" + sim.cloudPort();
            assertThat(r.err()).contains("hlm: TLS_UNTRUSTED: the certificate of " + server + " was declined: "
                            + "nothing was sent and nothing remembered\n",
                    "hint: ", "hlm thumbprint " + server, "answer y", "--thumbprint " + sim.cloudCertificate().sha256())
                    .as("the person is at a terminal already").doesNotContain("on a terminal");
            assertThat(sim.requests()).isEmpty();
            assertThat(knownHosts).doesNotExist();
        }
    }

    @Test
    void withoutATerminalThereIsNoQuestionOnlyTheHint() {
        Path knownHosts = dir.resolve("known_hosts");
        try (Simulator sim = Simulator.builder().build()) {
            Cli.Result r = Cli.run(untrustedEnv(sim, knownHosts), "link", "list");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(r.err()).startsWith("hlm: TLS_UNTRUSTED: ")
                    .contains("--thumbprint " + sim.cloudCertificate().sha256(), "on a terminal", knownHosts.toString());
            assertThat(r.err().lines().count()).isEqualTo(2);
            assertThat(sim.requests()).isEmpty();
            assertThat(knownHosts).doesNotExist();
        }
    }

    @Test
    void anImpersonatorAtAKnownServersAddressIsRefusedLoudlyAndGetsNoCredential() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "# kept by hand\nvc.example.com:443 " + GeneratedCertificate.builder("x").build().sha256() + "\n");
        int port;
        String trusted;
        try (Simulator real = Simulator.builder().build()) {
            port = real.cloudPort();
            trusted = real.cloudCertificate().sha256().toString();
            Cli.Result first = Cli.runOnTerminal(untrustedEnv(real, knownHosts), ScriptedTerminal.answering("yes"), "link", "list");
            assertThat(first.exitCode()).as(first.toString()).isZero();
        }
        try (Simulator impostor = Simulator.builder().cloudPort(port).build()) {
            Map<String, String> env = untrustedEnv(impostor, knownHosts);
            String presented = impostor.cloudCertificate().sha256().toString();

            // Even at a terminal: no question, a changed certificate is not a first use.
            Cli.Result r = Cli.runOnTerminal(env, ScriptedTerminal.answering(), "link", "create");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(r.err()).startsWith("hlm: TLS_CHANGED: ").contains("CHANGED", trusted, presented,
                    knownHosts + " line 3", "sed -i '3d' " + knownHosts, "hlm thumbprint 127.0.0.1:" + port);
            assertNoCredentialReached(impostor, env);
            assertThat(Files.readAllLines(knownHosts)).hasSize(3).contains("127.0.0.1:" + port + " " + trusted);
        }
    }

    @Test
    void anImpersonatorAtAPinnedServersAddressIsRefusedAndGetsNoCredential() {
        int port;
        String pinned;
        try (Simulator real = Simulator.builder().build()) {
            port = real.cloudPort();
            pinned = real.cloudCertificate().sha256().toString();
            Cli.Result ok = Cli.run(SimEnv.with(SimEnv.of(real, dir), "HLM_CA_CERT", null, "HLM_THUMBPRINT", pinned), "link", "list");
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
        }
        try (Simulator impostor = Simulator.builder().cloudPort(port).build()) {
            Map<String, String> env = SimEnv.with(SimEnv.of(impostor, dir), "HLM_CA_CERT", null, "HLM_THUMBPRINT", pinned);
            Cli.Result r = Cli.run(env, "link", "create");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(r.err()).startsWith("hlm: TLS_UNTRUSTED: ").contains(pinned)
                    .contains(impostor.cloudCertificate().sha256().toString());
            assertNoCredentialReached(impostor, env);
        }
    }

    @Test
    void aDamagedKnownHostsFileIsAUsageErrorNamingTheLine() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "vc.example.com:443 " + GeneratedCertificate.builder("x").build().sha256() + "\nnonsense\n");
        try (Simulator sim = Simulator.builder().build()) {
            Cli.Result r = Cli.run(untrustedEnv(sim, knownHosts), "link", "list");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("hlm: USAGE: --known-hosts: " + knownHosts + " line 2").contains("hint:");
            assertThat(sim.requests()).isEmpty();
        }
    }

    @Test
    void explicitTrustOptionsNeverReadTheKnownHostsFile() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "not a known hosts file at all\n");
        try (Simulator sim = Simulator.builder().build()) {
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_KNOWN_HOSTS", knownHosts.toString());
            assertThat(Cli.run(env, "link", "list").exitCode()).isZero();
            assertThat(Cli.run(SimEnv.with(env, "HLM_CA_CERT", null), "link", "list", "--thumbprint",
                    sim.cloudCertificate().sha256().toString()).exitCode()).isZero();
        }
    }

    /** What an impersonator must never see: the Authorization header, or any password in a body. */
    static void assertNoCredentialReached(Simulator impostor, Map<String, String> env) {
        List<RecordedRequest> received = impostor.requests();
        assertThat(received).noneSatisfy(req -> assertThat(req.headers()).containsKey("authorization"));
        for (String password : List.of(env.get("HLM_PASSWORD"), env.get("HLM_PSC_PASSWORD"))) {
            assertThat(received).noneSatisfy(req -> assertThat(req.body()).contains(password));
        }
    }
}
