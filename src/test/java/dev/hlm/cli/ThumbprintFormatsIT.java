package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.GeneratedCertificate;
import dev.hlm.tls.Thumbprint;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thumbprints as people paste them: SHA-256 or SHA-1, upper or lower case, with colons or without. Each is
 * accepted when it is the certificate's and refused when it is not, for the PSC ({@code --psc-thumbprint})
 * and for the vCenter itself ({@code --thumbprint}).
 */
@WithSimulator
class ThumbprintFormatsIT {
    @TempDir
    Path dir;

    /** One spelling of a certificate's thumbprint, by name. */
    static String spelling(String name, X509Certificate c) {
        String sha256 = Thumbprint.sha256(c).toString();
        String sha1 = Thumbprint.sha1(c).toString();
        Map<String, Function<String, String>> forms = Map.of(
                "upper-colons", s -> s,
                "lower-colons", s -> s.toLowerCase(Locale.ROOT),
                "upper-bare", s -> s.replace(":", ""),
                "lower-bare", s -> s.replace(":", "").toLowerCase(Locale.ROOT));
        String[] parts = name.split(" ");
        return forms.get(parts[1]).apply(parts[0].equals("sha256") ? sha256 : sha1);
    }

    static final String[] SPELLINGS = {"sha256 upper-colons", "sha256 lower-colons", "sha256 upper-bare",
        "sha256 lower-bare", "sha1 upper-colons", "sha1 lower-colons", "sha1 upper-bare", "sha1 lower-bare"};

    @ParameterizedTest(name = "--psc-thumbprint {0}")
    @ValueSource(strings = {"sha256 upper-colons", "sha256 lower-colons", "sha256 upper-bare", "sha256 lower-bare",
        "sha1 upper-colons", "sha1 lower-colons", "sha1 upper-bare", "sha1 lower-bare"})
    void pscThumbprintIsAcceptedWhenRightAndSentAsSha256(String form, Simulator sim) {
        String given = spelling(form, sim.pscCertificate().certificate());
        Cli.Result r = Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", given), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(sim.links()).hasSize(1);
        List<RecordedRequest> creates = PscTrustIT.creates(sim);
        assertThat(creates).singleElement().satisfies(c -> assertThat(c.body())
                .contains("\"ssl_thumbprint\":\"" + sim.pscCertificate().sha256() + "\""));
    }

    @ParameterizedTest(name = "--psc-thumbprint {0}")
    @ValueSource(strings = {"sha256 upper-colons", "sha256 lower-bare", "sha1 upper-colons", "sha1 lower-bare"})
    void pscThumbprintIsRefusedWhenWrong(String form, Simulator sim) {
        String wrong = spelling(form, GeneratedCertificate.builder("not-the-psc").build().certificate());
        Cli.Result r = Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", wrong), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(r.err()).startsWith("hlm: UNVERIFIED_PEER: ")
                .contains("--psc-thumbprint " + sim.pscCertificate().sha256());
        assertThat(sim.links()).isEmpty();
        if (form.startsWith("sha1")) {
            // Checked by hlm against the PSC before anything was sent.
            assertThat(PscTrustIT.creates(sim)).isEmpty();
        }
    }

    @ParameterizedTest(name = "--psc-thumbprint {0}, PSC out of hlm's reach")
    @ValueSource(strings = {"sha1 lower-bare", "sha256 lower-bare"})
    @WithSimulator(pscReachableOnlyFromCloud = true)
    void whenHlmCannotReachThePscTheThumbprintGoesAsGivenForTheCloudVcenterToCheck(String form, Simulator sim) {
        String given = spelling(form, sim.pscCertificate().certificate());
        Cli.Result r = Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", given), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(sim.links()).hasSize(1);
        assertThat(PscTrustIT.creates(sim)).singleElement().satisfies(c -> assertThat(c.body())
                .contains("\"ssl_thumbprint\":\"" + Thumbprint.parse(given) + "\""));
        if (form.startsWith("sha1")) {
            assertThat(r.err()).contains("cannot reach the PSC", "sending the SHA-1 thumbprint as given");
        }
    }

    @ParameterizedTest(name = "--thumbprint {0}")
    @ValueSource(strings = {"sha256 upper-colons", "sha256 lower-colons", "sha256 upper-bare", "sha256 lower-bare",
        "sha1 upper-colons", "sha1 lower-colons", "sha1 upper-bare", "sha1 lower-bare"})
    void vcenterThumbprintIsAcceptedWhenRightAndRefusedWhenWrong(String form, Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_CA_CERT", null);
        String right = spelling(form, sim.cloudCertificate().certificate());
        Cli.Result ok = Cli.run(env, "link", "list", "--thumbprint", right);
        assertThat(ok.exitCode()).as(ok.toString()).isZero();

        int before = sim.requests().size();
        String wrong = spelling(form, GeneratedCertificate.builder("not-the-vcenter").build().certificate());
        Cli.Result refused = Cli.run(env, "link", "list", "--thumbprint", wrong);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(refused.err()).startsWith("hlm: TLS_UNTRUSTED: ");
        assertThat(sim.requests()).hasSize(before);
    }
}
