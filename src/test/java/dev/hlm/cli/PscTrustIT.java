package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Role;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.GeneratedCertificate;
import dev.hlm.tls.Thumbprint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code link create} without {@code --psc-thumbprint}: hlm fetches the PSC's certificate itself, reads the
 * one the cloud vCenter reports in UNVERIFIED_PEER, refuses when they differ, shows it and asks on a
 * terminal, and in scripts asks for the thumbprint instead.
 */
@WithSimulator
class PscTrustIT {
    @TempDir
    Path dir;

    private Map<String, String> withoutPscThumbprint(Simulator sim) {
        return SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", null);
    }

    /** The create requests the cloud vCenter received, oldest first. */
    static List<RecordedRequest> creates(Simulator sim) {
        return sim.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().matches("/(api|rest)/hvc/links"))
                .toList();
    }

    @Test
    void onATerminalBothViewsAgreeTheCertificateIsShownAndConfirmed(Simulator sim) {
        String sha256 = sim.pscCertificate().sha256().toString();
        ScriptedTerminal person = ScriptedTerminal.answering("y")
                .beforeEachAnswer(() -> assertThat(sim.links()).as("linked before the person confirmed").isEmpty());

        Cli.Result r = Cli.runOnTerminal(withoutPscThumbprint(sim), person, "link", "create");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(sim.links()).hasSize(1);
        assertThat(r.err()).contains("hlm and the cloud vCenter see the same one", "CN=hlm-sim-psc", "Issuer:",
                "Name:     DNS:localhost", "Valid:", "SHA-256:  " + sha256,
                "SHA-1:    " + Thumbprint.sha1(sim.pscCertificate().certificate()));
        assertThat(person.prompts()).singleElement().asString().contains("Trust this PSC certificate", "[y/N]");
        List<RecordedRequest> creates = creates(sim);
        assertThat(creates).hasSize(2);
        assertThat(creates.get(0).body()).doesNotContain("ssl_thumbprint");
        assertThat(creates.get(1).body()).contains("\"ssl_thumbprint\":\"" + sha256 + "\"");
    }

    @Test
    void withoutATerminalTheThumbprintIsRequiredAndShownToCheck(Simulator sim) {
        String sha256 = sim.pscCertificate().sha256().toString();
        Cli.Result r = Cli.run(withoutPscThumbprint(sim), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("SHA-256:  " + sha256, "hlm: USAGE: ", "--psc-thumbprint")
                .contains("hint: check the certificate above, then rerun with --psc-thumbprint " + sha256);
        assertThat(sim.links()).isEmpty();
        assertThat(creates(sim)).hasSize(1);
    }

    @Test
    void declinedOnATerminalLinksNothing(Simulator sim) {
        Cli.Result r = Cli.runOnTerminal(withoutPscThumbprint(sim), ScriptedTerminal.answering(""), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(r.err()).contains("hlm: UNVERIFIED_PEER: the PSC certificate was not confirmed");
        assertThat(sim.links()).isEmpty();
        assertThat(creates(sim)).hasSize(1);
    }

    @Test
    void whenTheCloudVcenterSeesAnotherCertificateNothingIsLinked() {
        GeneratedCertificate intercepting = GeneratedCertificate.builder("man-in-the-middle").build();
        try (Simulator sim = Simulator.builder().pscInterceptor(intercepting).build()) {
            Cli.Result r = Cli.run(withoutPscThumbprint(sim), "link", "create");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(r.err()).startsWith("hlm: PSC_CERTIFICATE_MISMATCH: ")
                    .contains(sim.pscCertificate().sha256().toString(), intercepting.sha256().toString(),
                            "something between them presents another certificate", "hint:");
            assertThat(r.err().lines().count()).isEqualTo(2);
            assertThat(sim.links()).isEmpty();
            assertThat(creates(sim)).hasSize(1);
            // The man in the middle was shown no credential: the cloud vCenter stopped at its certificate.
            assertThat(sim.pscInterceptorRequests()).isNotEmpty()
                    .noneSatisfy(req -> assertThat(req.headers()).containsKey("authorization"));

            // On a terminal too: there is nothing to ask, the answer is no (an unexpected prompt fails).
            Cli.Result onTerminal = Cli.runOnTerminal(withoutPscThumbprint(sim), ScriptedTerminal.answering(), "link", "create");
            assertThat(onTerminal.exitCode()).as(onTerminal.toString()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(onTerminal.err()).contains("hlm: PSC_CERTIFICATE_MISMATCH: ");
            assertThat(sim.links()).isEmpty();

            // Given the PSC's real thumbprint, the cloud vCenter refuses what it sees instead.
            Cli.Result pinned = Cli.run(SimEnv.of(sim, dir), "link", "create");
            assertThat(pinned.exitCode()).as(pinned.toString()).isEqualTo(ExitCodes.API_REFUSED);
            assertThat(pinned.err()).startsWith("hlm: UNVERIFIED_PEER: ");
            assertThat(sim.links()).isEmpty();
        }
    }

    @Test
    @WithSimulator(pscReachableOnlyFromCloud = true)
    void whenHlmCannotReachThePscItReliesOnTheCloudVcentersView(Simulator sim) {
        String sha256 = sim.pscCertificate().sha256().toString();
        Cli.Result r = Cli.runOnTerminal(withoutPscThumbprint(sim), ScriptedTerminal.answering("y"), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("cannot reach the PSC at " + sim.pscHostname() + ":" + sim.pscPort() + " from here",
                "relying on the certificate the cloud vCenter reports", sha256);
        assertThat(sim.links()).hasSize(1);
    }

    @Test
    @WithSimulator(apiVersion = ApiVersion.V9_0, pscReachableOnlyFromCloud = true)
    void onVsphere90TheReportedPemShowsTheWholeCertificate(Simulator sim) {
        Cli.Result r = Cli.runOnTerminal(withoutPscThumbprint(sim), ScriptedTerminal.answering("y"), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("as the cloud vCenter reports it", "CN=hlm-sim-psc", "Valid:",
                "SHA-256:  " + sim.pscCertificate().sha256());
        assertThat(sim.links()).hasSize(1);
    }

    @Test
    @WithSimulator(apiVersion = ApiVersion.V6_7)
    void onVsphere67TheRefusalIsInvalidRequestAndWorksTheSame(Simulator sim) {
        Cli.Result r = Cli.runOnTerminal(withoutPscThumbprint(sim), ScriptedTerminal.answering("y"), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(sim.links()).hasSize(1);
        assertThat(creates(sim)).allSatisfy(c -> assertThat(c.path()).startsWith("/rest/"));
    }

    @Test
    @WithSimulator(role = Role.GATEWAY)
    void aCloudGatewayLinksWithoutAThumbprintAndHlmSaysSo(Simulator sim) {
        Cli.Result r = Cli.run(withoutPscThumbprint(sim), "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("without a PSC thumbprint, as a Cloud Gateway does");
        assertThat(sim.links()).hasSize(1);
        assertThat(creates(sim)).hasSize(1);
    }
}
