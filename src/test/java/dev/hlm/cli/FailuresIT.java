package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.GeneratedCertificate;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users get wrong, and what hlm answers: one line, a hint, a documented exit code, nothing leaked. */
@WithSimulator
class FailuresIT {
    @TempDir
    Path dir;

    @Test
    void wrongPasswordIsAnAuthenticationFailure(Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_PASSWORD", "not-the-password"), "link", "list");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.err()).startsWith("hlm: UNAUTHENTICATED: ").contains("hint:");
        assertThat(r.err().lines().count()).isEqualTo(2);
    }

    @Test
    void readOnlyUserIsToldWhichPrivilegeIsMissing(Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir),
                "HLM_USERNAME", sim.readOnlyUsername(), "HLM_PASSWORD", new String(sim.readOnlyPassword()));
        Cli.Result r = Cli.run(env, "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.err()).startsWith("hlm: UNAUTHORIZED: ").contains("HLM.Manage");
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void wrongPscThumbprintShowsTheOneThePscPresented(Simulator sim) {
        String wrong = GeneratedCertificate.builder("impostor").build().sha256().toString();
        Cli.Result r = Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", wrong), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.API_REFUSED);
        // Both of the server's messages, on the error's one line: what failed, then why.
        assertThat(r.err()).startsWith("hlm: UNVERIFIED_PEER: Unable to verify the SSL certificate of 127.0.0.1. "
                        + "The ssl_thumbprint given does not match the certificate the PSC presented.\n")
                .contains(sim.pscCertificate().sha256().toString())
                .contains("--psc-thumbprint");
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void untrustedVcenterCertificateStopsBeforeAnyCredentialIsSent(Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_CA_CERT", null), "link", "list");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        String thumbprint = sim.cloudCertificate().sha256().toString();
        assertThat(r.err()).startsWith("hlm: TLS_UNTRUSTED: ").contains("--thumbprint " + thumbprint);
        assertThat(sim.requests()).noneSatisfy(req -> assertThat(req.headers()).containsKey("authorization"));
    }

    @Test
    void pinnedThumbprintTrustsExactlyThatCertificate(Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_CA_CERT", null);
        String sha256 = sim.cloudCertificate().sha256().toString();
        assertThat(Cli.run(env, "link", "list", "--thumbprint", sha256.toLowerCase().replace(":", "")).exitCode())
                .isZero();

        int before = sim.requests().size();
        String other = GeneratedCertificate.builder("other").build().sha256().toString();
        Cli.Result r = Cli.run(env, "link", "list", "--thumbprint", other);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).startsWith("hlm: TLS_UNTRUSTED: ");
        assertThat(sim.requests()).hasSize(before);
    }

    @Test
    void insecureWorksAndWarns(Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_CA_CERT", null), "link", "list", "--insecure");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("warning").contains("insecure");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "HLM_INSECURE={0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"true", "1", "yes", "on"})
    void insecureFromTheEnvironmentTakesTheWaysShellsSpellASwitch(String value, Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_CA_CERT", null, "HLM_INSECURE", value),
                "link", "list");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("warning").contains("insecure");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable(Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_PORT", "abc");
        Cli.Result fromEnv = Cli.run(env, "link", "create");
        assertThat(fromEnv.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromEnv.err()).startsWith("hlm: USAGE: ").contains("'abc'")
                .contains("(from the environment variable HLM_PSC_PORT)");
        Cli.Result typed = Cli.run(env, "link", "create", "--psc-port", "xyz");
        assertThat(typed.err()).contains("'xyz'").doesNotContain("environment variable");
        Cli.Result off = Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_INSECURE", "maybe"), "link", "list");
        assertThat(off.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(off.err()).contains("(from the environment variable HLM_INSECURE)");
    }

    @Test
    void conflictingTrustOptionsAreAUsageError(Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.of(sim, dir), "link", "list", "-k");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("exclude each other");
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void missingRequiredOptionIsUsage() {
        Cli.Result r = Cli.run(Map.of(), "link", "create");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("hlm: USAGE: ").contains("--");
        assertThat(r.err().lines()).as("one line and a hint, no usage dump").hasSize(2);
        Cli.Result get = Cli.run(Map.of(), "link", "get");
        assertThat(get.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(get.err()).isEqualTo("hlm: USAGE: Missing required parameter: 'LINK'; also missing --server (or "
                + "HLM_SERVER), --username (or HLM_USERNAME), the cloud vCenter password (HLM_PASSWORD, --password-file "
                + "or --password-stdin)\n"
                + "hint: LINK: the link id, as 'hlm link list' shows it; see 'hlm link get --help'\n");
    }

    @Test
    void unknownOptionIsUsageWithASuggestion() {
        Cli.Result r = Cli.run(Map.of(), "link", "list", "--jsn");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--jsn").contains("--json");
    }

    @Test
    void nobodyListeningIsAConnectionFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Cli.Result r = Cli.run(Map.of("HLM_SERVER", "127.0.0.1:" + port, "HLM_USERNAME", "u", "HLM_PASSWORD", "secret-pw"),
                "link", "list");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).startsWith("hlm: CONNECTION: ").contains("127.0.0.1:" + port);
    }

    @Test
    void passwordsComeFromFilesAndStdin(Simulator sim) throws Exception {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PASSWORD", null, "HLM_PSC_PASSWORD", null);
        Path file = dir.resolve("vc-password");
        Files.writeString(file, new String(sim.cloudAdminPassword()) + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        assertThat(Cli.run(env, "link", "list", "--password-file", file.toString()).exitCode()).isZero();

        String stdin = new String(sim.cloudAdminPassword()) + "\n" + new String(sim.pscAdminPassword()) + "\n";
        Cli.Result created = Cli.runWithStdin(env, stdin, "link", "create", "--password-stdin", "--psc-password-stdin");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(sim.links()).hasSize(1);

        Cli.Result none = Cli.run(env, "link", "list");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("HLM_PASSWORD").contains("--password-file");

        Cli.Result missing = Cli.run(env, "link", "list", "--password-file", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void originalScriptFlagsWork(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        Map<String, String> onlyTrust = Map.of("HLM_CA_CERT", env.get("HLM_CA_CERT"),
                "HLM_PASSWORD", env.get("HLM_PASSWORD"), "HLM_PSC_PASSWORD", env.get("HLM_PSC_PASSWORD"));
        Cli.Result r = Cli.run(onlyTrust, "link", "create",
                "-s", sim.cloudUrl().getHost() + ":" + sim.cloudUrl().getPort(),
                "-u", sim.cloudAdminUsername(),
                "-ph", sim.pscHostname(), "-o", String.valueOf(sim.pscPort()),
                "-d", sim.domainName(), "-pu", sim.pscAdminUsername(),
                "-pt", sim.pscCertificate().sha256().toString(), "-a", "ops@corp.local");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(sim.links()).hasSize(1);
        assertThat(sim.administrators()).contains("ops@corp.local");
    }

    @Test
    void verboseAddsNoStackTraceToARefusedLogin() {
        // Only an internal error has a trace worth reading (FailuresTest); a refusal is its line and hint.
        try (Simulator sim = Simulator.builder().build()) {
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PASSWORD", "wrong-password");
            Cli.Result quiet = Cli.run(env, "link", "list");
            Cli.Result verbose = Cli.run(env, "link", "list", "--verbose");
            assertThat(verbose.exitCode()).isEqualTo(ExitCodes.AUTH);
            assertThat(verbose.err()).isEqualTo(quiet.err()).startsWith("hlm: UNAUTHENTICATED: ").doesNotContain("at dev.hlm.");
            assertThat(verbose.err().lines()).hasSize(2);
        }
    }
}
