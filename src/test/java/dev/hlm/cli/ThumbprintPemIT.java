package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Json;
import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.GeneratedCertificate;
import dev.hlm.tls.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code hlm thumbprint HOST --pem FILE [--chain]}: the certificates a server presents, written as PEM that
 * {@code --ca-cert} and {@code link create --psc-certificate} take as they are.
 */
@WithSimulator
class ThumbprintPemIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ApiVersion.class, names = {"V8_0_1", "V9_0"})
    void theWrittenFilesTrustTheVcenterAndLinkThePsc(ApiVersion version) throws Exception {
        try (Simulator sim = Simulator.builder().apiVersion(version).build()) {
            Path vcPem = dir.resolve("vc.pem");
            Cli.Result vc = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + sim.cloudPort(), "--pem", vcPem.toString());
            assertThat(vc.exitCode()).as(vc.toString()).isZero();
            assertThat(vc.out()).startsWith("Certificate of 127.0.0.1:" + sim.cloudPort() + ":\n")
                    .contains("  SHA-256:  " + sim.cloudCertificate().sha256() + "\n")
                    .endsWith("Wrote the certificate as PEM to " + vcPem + "\n");
            assertThat(Files.readString(vcPem)).isEqualTo(sim.cloudCertificate().pem());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vcPem))).isEqualTo("rw-r--r--");

            Path pscPem = dir.resolve("psc.pem");
            Cli.Result psc = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + sim.pscPort(), "--pem", pscPem.toString());
            assertThat(psc.exitCode()).as(psc.toString()).isZero();
            assertThat(Files.readString(pscPem)).isEqualTo(sim.pscCertificate().pem());

            // The vCenter trusted by the file just written, the PSC named by its certificate alone.
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir),
                    "HLM_CA_CERT", vcPem.toString(), "HLM_PSC_THUMBPRINT", null);
            Cli.Result create = Cli.run(env, "link", "create", "--psc-certificate", pscPem.toString());
            assertThat(create.exitCode()).as(create.toString()).isZero();
            assertThat(sim.links()).hasSize(1);
            JsonNode sent = Json.mapper().readTree(createRequest(sim).body());
            if (version.hasSslCertificate()) {
                assertThat(sent.path("ssl_certificate").asText()).isEqualTo(Files.readString(pscPem));
            } else {
                assertThat(sent.path("ssl_thumbprint").asText()).isEqualTo(sim.pscCertificate().sha256().toString());
            }

            Cli.Result list = Cli.run(env, "link", "list");
            assertThat(list.exitCode()).as(list.toString()).isZero();
            assertThat(list.out()).contains(sim.domainName());
        }
    }

    @Test
    void theChainComesInTheServersOrderAndKeepsTrustingARenewedCertificate() throws Exception {
        GeneratedCertificate root = GeneratedCertificate.builder("hlm test root CA").build();
        GeneratedCertificate intermediate = GeneratedCertificate.builder("hlm test VMCA").issuedBy(root)
                .certificateAuthority().build();
        GeneratedCertificate leaf = GeneratedCertificate.builder("vcenter").issuedBy(intermediate).build();
        Path chainPem = dir.resolve("chain.pem");
        Path leafPem = dir.resolve("leaf.pem");
        try (Simulator sim = Simulator.builder().cloudCertificate(leaf).build()) {
            String server = "127.0.0.1:" + sim.cloudPort();
            Cli.Result r = Cli.run(Map.of(), "thumbprint", server, "--pem", chainPem.toString(), "--chain");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(Pem.readCertificates(chainPem))
                    .containsExactly(leaf.certificate(), intermediate.certificate(), root.certificate());
            assertThat(Files.readString(chainPem)).isEqualTo(Pem.toPem(leaf.certificate())
                    + Pem.toPem(intermediate.certificate()) + Pem.toPem(root.certificate()));
            assertThat(r.out()).contains("Certificate of " + server + ":\n  Subject:  CN=vcenter,O=hlm simulator\n")
                    .contains("Chain certificate 2 of 3:\n  Subject:  CN=hlm test VMCA,O=hlm simulator\n")
                    .contains("Chain certificate 3 of 3:\n  Subject:  CN=hlm test root CA,O=hlm simulator\n")
                    .contains("  SHA-256:  " + root.sha256() + "\n")
                    .endsWith("Wrote the chain (3 certificates, the server's first) as PEM to " + chainPem + "\n");

            assertThat(Cli.run(Map.of(), "thumbprint", server, "--pem", leafPem.toString()).exitCode()).isZero();
            assertThat(Pem.readCertificates(leafPem)).containsExactly(leaf.certificate());
            // A leaf issued by a CA (not a CA itself) is still accepted by --ca-cert: it pins exactly that one.
            assertThat(listTrusting(sim, leafPem).exitCode()).isZero();
            assertThat(listTrusting(sim, chainPem).exitCode()).isZero();
            // Many servers stop short of their root: the intermediate CA alone is an anchor for --ca-cert too.
            Path withoutRoot = Files.writeString(dir.resolve("without-root.pem"),
                    Pem.toPem(List.of(leaf.certificate(), intermediate.certificate())));
            assertThat(listTrusting(sim, withoutRoot).exitCode()).isZero();
        }

        GeneratedCertificate renewed = GeneratedCertificate.builder("vcenter").issuedBy(intermediate).build();
        try (Simulator sim = Simulator.builder().cloudCertificate(renewed).build()) {
            Cli.Result byLeaf = listTrusting(sim, leafPem);
            assertThat(byLeaf.exitCode()).as(byLeaf.toString()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(byLeaf.err()).contains(renewed.sha256().toString());
            Cli.Result byChain = listTrusting(sim, chainPem);
            assertThat(byChain.exitCode()).as(byChain.toString()).isZero();
        }
    }

    @Test
    void aPscChainFileLinksByItsFirstCertificate() throws Exception {
        GeneratedCertificate ca = GeneratedCertificate.builder("hlm test VMCA").build();
        GeneratedCertificate psc = GeneratedCertificate.builder("psc").issuedBy(ca).build();
        try (Simulator sim = Simulator.builder().apiVersion(ApiVersion.V9_0).pscCertificate(psc).build()) {
            Path chainPem = dir.resolve("psc-chain.pem");
            Cli.Result r = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + sim.pscPort(), "--pem", chainPem.toString(),
                    "--chain");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(Pem.readCertificates(chainPem)).containsExactly(psc.certificate(), ca.certificate());

            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", null);
            Cli.Result create = Cli.run(env, "link", "create", "--psc-certificate", chainPem.toString());
            assertThat(create.exitCode()).as(create.toString()).isZero();
            assertThat(Json.mapper().readTree(createRequest(sim).body()).path("ssl_certificate").asText())
                    .isEqualTo(psc.pem());
        }
    }

    @Test
    void aSelfSignedServerHasAChainOfOne(Simulator sim) {
        Path pem = dir.resolve("vc.pem");
        Cli.Result r = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + sim.cloudPort(), "--pem", pem.toString(), "--chain");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("Chain certificate")
                .endsWith("Wrote the chain (1 certificate: the server presented no other) as PEM to " + pem + "\n");
    }

    @Test
    void anExistingFileIsLeftAloneUnlessForced(Simulator sim) throws Exception {
        Path pem = Files.writeString(dir.resolve("vc.pem"), "someone else's certificate\n");
        String server = "127.0.0.1:" + sim.cloudPort();

        Cli.Result refused = Cli.run(Map.of(), "thumbprint", server, "--pem", pem.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).isEqualTo("hlm: USAGE: --pem: " + pem + " exists; it was left as it is\n"
                + "hint: give another file, or add --force to replace it\n");
        assertThat(refused.out()).isEmpty();
        assertThat(Files.readString(pem)).isEqualTo("someone else's certificate\n");

        Cli.Result forced = Cli.run(Map.of(), "thumbprint", server, "--pem", pem.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Files.readString(pem)).isEqualTo(sim.cloudCertificate().pem());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pem))).isEqualTo("rw-r--r--");
        // Written through a temporary file beside it, which is gone.
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(pem);
        }
    }

    @Test
    void theFileNameIsShownEscaped(Simulator sim) throws Exception {
        Path pem = dir.resolve("red\u001b[31m.pem");
        Cli.Result r = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + sim.cloudPort(), "--pem", pem.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).endsWith("as PEM to " + dir + "/red\\x1b[31m.pem\n").doesNotContain("\u001b");
        assertThat(Files.readString(pem)).isEqualTo(sim.cloudCertificate().pem());
    }

    @Test
    void dashWritesOnlyThePemToStandardOutput(Simulator sim) {
        String server = "127.0.0.1:" + sim.pscPort();
        Cli.Result r = Cli.run(Map.of(), "thumbprint", server, "--pem", "-");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(sim.pscCertificate().pem());
        assertThat(r.err()).startsWith("Certificate of " + server + ":\n")
                .contains("  SHA-256:  " + sim.pscCertificate().sha256() + "\n")
                .endsWith("Wrote the certificate as PEM to standard output\n");

        Cli.Result json = Cli.run(Map.of(), "thumbprint", server, "--pem", "-", "--json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(json.err()).startsWith("hlm: USAGE: --pem - and --json both write to standard output\nhint: ");
    }

    @Test
    void jsonNamesTheFileWrittenAndEachCertificateOfTheChain() throws Exception {
        GeneratedCertificate ca = GeneratedCertificate.builder("hlm test VMCA").build();
        GeneratedCertificate leaf = GeneratedCertificate.builder("vcenter").issuedBy(ca).build();
        try (Simulator sim = Simulator.builder().cloudCertificate(leaf).build()) {
            String server = "127.0.0.1:" + sim.cloudPort();
            Path pem = dir.resolve("vc.pem");
            Cli.Result r = Cli.run(Map.of(), "thumbprint", server, "--pem", pem.toString(), "--json");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode json = Json.mapper().readTree(r.out());
            assertThat(json.path("pem_file").asText()).isEqualTo(pem.toString());
            assertThat(json.path("sha256").asText()).isEqualTo(leaf.sha256().toString());
            assertThat(json.has("chain")).isFalse();

            Path chainPem = dir.resolve("chain.pem");
            Cli.Result chain = Cli.run(Map.of(), "thumbprint", server, "--pem", chainPem.toString(), "--chain", "--json");
            assertThat(chain.exitCode()).as(chain.toString()).isZero();
            JsonNode certificates = Json.mapper().readTree(chain.out()).path("chain");
            assertThat(certificates).hasSize(2);
            assertThat(certificates.get(0).path("sha256").asText()).isEqualTo(leaf.sha256().toString());
            assertThat(certificates.get(1).path("sha256").asText()).isEqualTo(ca.sha256().toString());
            assertThat(certificates.get(1).path("subject").asText()).contains("CN=hlm test VMCA");
            assertThat(certificates.get(1).has("server")).isFalse();
        }
    }

    /** Each mistake is found before connecting: the port here has nobody listening, and the error is the option's. */
    @Test
    void badOptionsAndPlacesAreUsageErrorsBeforeConnecting() throws Exception {
        String nobody = "127.0.0.1:" + ThumbprintCommandIT.closedPort();
        Path aFile = Files.writeString(dir.resolve("a-file"), "");
        assertUsage(List.of("--chain"), "--chain needs --pem", nobody);
        assertUsage(List.of("--force"), "--force needs --pem", nobody);
        assertUsage(List.of("--pem", dir.resolve("missing/vc.pem").toString()),
                "--pem: the directory " + dir.resolve("missing") + " does not exist", nobody);
        assertUsage(List.of("--pem", aFile.resolve("vc.pem").toString()), "--pem: " + aFile + " is not a directory", nobody);
        assertUsage(List.of("--pem", dir.toString(), "--force"), "--pem: " + dir + " is a directory", nobody);
        // A file name is shown escaped, as any text hlm did not write.
        assertUsage(List.of("--pem", dir.resolve("red\u001b[31m/vc.pem").toString()),
                "--pem: the directory " + dir + "/red\\x1b[31m does not exist", nobody);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(aFile);
        }
    }

    /** /proc takes no new files, even from root (the tests may run as root, whom file modes do not stop). */
    @Test
    void aPlaceThatCannotBeWrittenIsAUsageErrorAfterConnecting(Simulator sim) {
        Cli.Result r = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + sim.cloudPort(), "--pem", "/proc/hlm-test.pem");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("hlm: USAGE: --pem: cannot write /proc/hlm-test.pem: ")
                .contains("hint: check that you may write in /proc, or give another file").doesNotContain(".tmp");
        assertThat(r.out()).isEmpty();
    }

    private static void assertUsage(List<String> options, String message, String server) {
        String[] args = Stream.concat(Stream.of("thumbprint", server), options.stream()).toArray(String[]::new);
        Cli.Result r = Cli.run(Map.of(), args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("hlm: USAGE: " + message + "\nhint: ").doesNotContain("\u001b").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    private Cli.Result listTrusting(Simulator sim, Path caCert) {
        return Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_CA_CERT", caCert.toString()), "link", "list");
    }

    private static RecordedRequest createRequest(Simulator sim) {
        return sim.requests().stream().filter(q -> q.path().endsWith("/hvc/links") && q.method().equals("POST"))
                .findFirst().orElseThrow();
    }
}
