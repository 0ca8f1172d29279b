package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.Json;
import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.GeneratedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code hlm link create --psc-certificate FILE}: ssl_certificate on 9.0, its SHA-256 thumbprint before. */
@WithSimulator
class PscCertificateIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ApiVersion.class, names = "V9_1", mode = EnumSource.Mode.EXCLUDE)
    void theCertificateFileLinksOnEveryVersion(ApiVersion version) throws Exception {
        try (Simulator sim = Simulator.builder().apiVersion(version).build()) {
            Path pem = Files.writeString(dir.resolve("psc.pem"), sim.pscCertificate().pem());
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", null);

            Cli.Result r = Cli.run(env, "link", "create", "--psc-certificate", pem.toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(sim.links()).hasSize(1);
            RecordedRequest create = sim.requests().stream().filter(q -> q.path().endsWith("/hvc/links")).findFirst()
                    .orElseThrow();
            var sent = Json.mapper().readTree(create.body());
            var spec = sent.has("spec") ? sent.get("spec") : sent;
            if (version.hasSslCertificate()) {
                assertThat(r.out()).contains("was sent as ssl_certificate");
                assertThat(spec.path("ssl_certificate").asText()).isEqualTo(sim.pscCertificate().pem());
                assertThat(spec.has("ssl_thumbprint")).isFalse();
            } else {
                assertThat(r.out()).contains("sent as its SHA-256 thumbprint").contains("predates ssl_certificate (vSphere 9.0)");
                assertThat(spec.path("ssl_thumbprint").asText()).isEqualTo(sim.pscCertificate().sha256().toString());
                assertThat(spec.has("ssl_certificate")).isFalse();
            }
        }
    }

    @Test
    @WithSimulator(apiVersion = ApiVersion.V9_0)
    void aCertificateThatIsNotTheThumbprintsOrNotPemIsAUsageError(Simulator sim) throws Exception {
        Map<String, String> env = SimEnv.of(sim, dir);
        Path other = Files.writeString(dir.resolve("other.pem"), GeneratedCertificate.builder("other").build().pem());
        Cli.Result mismatch = Cli.run(env, "link", "create", "--psc-certificate", other.toString());
        assertThat(mismatch.exitCode()).as(mismatch.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(mismatch.err()).startsWith("hlm: USAGE: --psc-certificate ").contains("is not the certificate of --psc-thumbprint")
                .contains("hint:");

        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
        Cli.Result notPem = Cli.run(env, "link", "create", "--psc-certificate", garbage.toString());
        assertThat(notPem.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notPem.err()).startsWith("hlm: USAGE: --psc-certificate: ").contains("hint:");

        Cli.Result missing = Cli.run(env, "link", "create", "--psc-certificate", dir.resolve("none.pem").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("does not exist").doesNotContain("\tat ");
        assertThat(sim.links()).isEmpty();
        assertThat(sim.requests()).isEmpty();
    }
}
