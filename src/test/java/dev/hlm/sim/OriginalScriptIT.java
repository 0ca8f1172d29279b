package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hlm.tls.Thumbprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The original Python script ({@code HLMLinking.py}, found by {@link ReferenceScript}) links against the
 * simulator unchanged: it logs in over {@code /rest}, relies on the session cookie, and posts one
 * {@code {"spec":...}}. It does so on every version that has {@code /rest}: 6.7 (where it is the only
 * flavor), 7.0U2 and 8.0U1. Needs python3 with requests; without them this test fails and says what to
 * install. Without the script (not named, not beside the checkout) it is skipped, saying how to name it.
 */
@Tag("script") // runs the original HLMLinking.py with python3
class OriginalScriptIT {
    private static final long TIMEOUT_SECONDS = 60;

    private record Run(int exitCode, String stdout, String stderr) {}

    @ParameterizedTest(name = "--api-version {0}")
    @EnumSource(value = ApiVersion.class, names = {"V6_7", "V7_0_2", "V8_0_1"})
    void theScriptLinksOnceAndThenReportsTheLinkIsNotEstablished(ApiVersion version) throws Exception {
        Path script = ReferenceScript.require();
        try (Simulator sim = Simulator.builder().apiVersion(version).build()) {
            // What the script's users paste: the 2019 example is a SHA-1 thumbprint; SHA-256 works too (D2).
            Run first = runScript(script, sim, Thumbprint.sha1(sim.pscCertificate().certificate()).toString());
            assertThat(first.stdout()).as(first.stderr())
                    .contains("Session creation is successful")
                    .contains("HLM link is established");
            assertThat(sim.links()).singleElement()
                    .satisfies(link -> assertThat(link.displayName()).isEqualTo("vsphere.local"));
            assertThat(sim.administrators()).containsExactly("group@corp.local");

            Run second = runScript(script, sim, sim.pscCertificate().sha256().toString());
            assertThat(second.stdout()).as(second.stderr())
                    .contains("HLM link is NOT established")
                    .contains("com.vmware.vapi.std.errors.already_exists");
            assertThat(sim.links()).hasSize(1);
            // The script never sends the session header: the cookie carried its session.
            assertThat(sim.requests()).filteredOn(r -> r.path().equals("/rest/hvc/links"))
                    .allSatisfy(r -> {
                        assertThat(r.header("vmware-api-session-id")).isEmpty();
                        assertThat(r.header("cookie")).hasValueSatisfying(
                                c -> assertThat(c).contains("vmware-api-session-id="));
                    });
        }
    }

    /** Passwords go as {@code --opt=value}: a random one may start with '-', which argparse reads as an option. */
    private static Run runScript(Path script, Simulator sim, String thumbprint) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", script.toString(),
                "-s", "127.0.0.1:" + sim.cloudPort(),
                "-u", sim.cloudAdminUsername(),
                "--password=" + new String(sim.cloudAdminPassword()),
                "-ph", sim.pscHostname(),
                "-o", Integer.toString(sim.pscPort()),
                "-pt", thumbprint,
                "-d", sim.domainName(),
                "-pu", sim.pscAdminUsername(),
                "--pscpass=" + new String(sim.pscAdminPassword()),
                "-a", "group@corp.local"));
        return run(command);
    }

    /** Runs as on a user's machine: without CA-bundle variables, which would override the script's verify=False. */
    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("hlm-script", ".out");
        Path err = Files.createTempFile("hlm-script", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().remove("REQUESTS_CA_BUNDLE");
            builder.environment().remove("CURL_CA_BUNDLE");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command.subList(0, 2)) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
