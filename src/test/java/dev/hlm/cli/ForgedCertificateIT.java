package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Json;
import dev.hlm.sim.Simulator;
import dev.hlm.tls.GeneratedCertificate;
import dev.hlm.tls.Thumbprint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate whose subject and e-mail name hold ESC[8m (hide what follows), CR, LF, BEL, a fake
 * {@code SHA-256:} line and a bidirectional override: wherever hlm shows it, every field is one escaped
 * line and the thumbprints hlm computed are the last lines, right above the question.
 */
class ForgedCertificateIT {
    @TempDir
    Path dir;

    private static final GeneratedCertificate FORGED = CertificateTextTest.forged();
    private static final String SHA256 = "  SHA-256:  " + Thumbprint.sha256(FORGED.certificate());
    private static final String SHA1 = "  SHA-1:    " + Thumbprint.sha1(FORGED.certificate());
    /** Subject, issuer, three names, validity, two thumbprints. */
    private static final int CERTIFICATE_LINES = 8;

    @Test
    void theKnownHostsQuestionHasTheRealThumbprintsRightAboveIt() {
        try (Simulator sim = Simulator.builder().cloudCertificate(FORGED).build()) {
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_CA_CERT", null,
                    "HLM_KNOWN_HOSTS", dir.resolve("known_hosts").toString());
            ScriptedTerminal person = ScriptedTerminal.answering("n");

            Cli.Result r = Cli.runOnTerminal(env, person, "link", "list");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
            List<String> screen = person.screensAtPrompts().get(0).lines().toList();
            assertThat(screen).as(r.toString()).hasSize(1 + CERTIFICATE_LINES);
            assertThat(screen.get(0)).startsWith("hlm: 127.0.0.1:" + sim.cloudPort() + " presents a certificate");
            assertCertificateBlock(screen.subList(1, screen.size()));
            TerminalText.assertShowsAsWritten("stderr", r.err());
            assertThat(sim.requests()).isEmpty();
        }
    }

    @Test
    void thumbprintShowsTheForgedTextEscapedAndTheRealThumbprintsLast() throws Exception {
        try (Simulator sim = Simulator.builder().pscCertificate(FORGED).build()) {
            Cli.Result r = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + sim.pscPort());

            assertThat(r.exitCode()).as(r.toString()).isZero();
            List<String> out = r.out().lines().toList();
            assertThat(out).hasSize(1 + CERTIFICATE_LINES);
            assertThat(out.get(0)).isEqualTo("Certificate of 127.0.0.1:" + sim.pscPort() + ":");
            assertCertificateBlock(out.subList(1, out.size()));
            TerminalText.assertShowsAsWritten("stdout", r.out());

            // --json is for scripts: exact JSON, whose strings hold the certificate's text as it is.
            Cli.Result json = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + sim.pscPort(), "--json");
            JsonNode record = Json.mapper().readTree(json.out());
            assertThat(record.path("subject").asText())
                    .isEqualTo(FORGED.certificate().getSubjectX500Principal().getName());
            assertThat(record.path("subject_alternative_names").get(1).asText())
                    .isEqualTo("email:" + FORGED.certificate().getSubjectAlternativeNames().stream()
                            .filter(n -> (Integer) n.get(0) == 1).findFirst().orElseThrow().get(1));
            assertThat(record.path("sha256").asText()).isEqualTo(FORGED.sha256().toString());
            TerminalText.assertShowsAsWritten("--json", json.out());
        }
    }

    @Test
    void thePscConfirmationHasTheRealThumbprintsRightAboveIt() {
        try (Simulator sim = Simulator.builder().pscCertificate(FORGED).build()) {
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", null);
            ScriptedTerminal person = ScriptedTerminal.answering("y");

            Cli.Result r = Cli.runOnTerminal(env, person, "link", "create");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            List<String> screen = TerminalText.withoutSpinner(person.screensAtPrompts().get(0)).lines().toList();
            assertThat(screen).as(r.toString()).hasSize(1 + CERTIFICATE_LINES);
            assertThat(screen.get(0)).contains("presents this certificate (hlm and the cloud vCenter see the same one):");
            assertCertificateBlock(screen.subList(1, screen.size()));
            TerminalText.assertShowsAsWritten("stderr", TerminalText.withoutSpinner(r.err()));
            assertThat(PscTrustIT.creates(sim).get(1).body()).contains(FORGED.sha256().toString());
        }
    }

    /** The eight lines of the certificate, the forger's text escaped in its own fields, hlm's thumbprints last. */
    private static void assertCertificateBlock(List<String> block) {
        assertThat(block).hasSize(CERTIFICATE_LINES);
        assertThat(block.get(0)).startsWith("  Subject:  ").contains("\\u202e\\x1b[8m\\x0d\\x0aSHA-256:");
        assertThat(block.get(3)).startsWith("  Name:     email:admin@corp.local\\x1b[8m\\x0d\\x0aSHA-256:  AB:");
        assertThat(block.get(CERTIFICATE_LINES - 2)).isEqualTo(SHA256);
        assertThat(block.get(CERTIFICATE_LINES - 1)).isEqualTo(SHA1);
        assertThat(block.stream().filter(l -> l.startsWith("  SHA-256:"))).hasSize(1);
    }
}
