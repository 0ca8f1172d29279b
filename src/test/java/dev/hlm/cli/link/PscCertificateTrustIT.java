package dev.hlm.cli.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hlm.api.CreateSpec;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.Main;
import dev.hlm.cli.Terminal;
import dev.hlm.client.ApiException;
import dev.hlm.client.HlmClient;
import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.SimulatorExtension;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.GeneratedCertificate;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PEM certificate in the spec (vSphere 9.0) vouches for the PSC as a thumbprint does: no confirmation,
 * no claim that a gateway accepted it, and a wrong one is the cloud vCenter's refusal, never a question
 * about the certificate it reported instead.
 */
@WithSimulator
class PscCertificateTrustIT {
    /** A person at a terminal who must not be asked anything. */
    private static final Terminal NO_QUESTIONS = new Terminal() {
        @Override
        public boolean isInteractive() {
            return true;
        }

        @Override
        public char[] readSecret(String prompt) {
            throw new AssertionError("unexpected prompt: " + prompt);
        }

        @Override
        public String readLine(String prompt) {
            throw new AssertionError("unexpected prompt: " + prompt);
        }
    };

    private final StringWriter err = new StringWriter();

    private PscCertificateTrust trust(Simulator sim) {
        CliContext ctx = new CliContext(Map.of(), InputStream.nullInputStream(), NO_QUESTIONS);
        Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), ctx);
        return new PscCertificateTrust(ctx, sim.pscHostname(), sim.pscPort(), Duration.ofSeconds(5));
    }

    private static HlmClient client(Simulator sim) {
        return SimulatorExtension.clientOf(sim).build();
    }

    private static CreateSpec specWithCertificate(Simulator sim, String pem) {
        return new CreateSpec(sim.pscHostname(), String.valueOf(sim.pscPort()), sim.domainName(),
                sim.pscAdminUsername(), sim.pscAdminPassword(), null, pem, null);
    }

    @Test
    @WithSimulator(apiVersion = ApiVersion.V9_0)
    void theRightCertificateLinksWithoutQuestionsOrGatewayTalk(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            String id = trust(sim).create(vc, specWithCertificate(sim, sim.pscCertificate().pem())).id();
            assertThat(id).isNotNull();
            assertThat(sim.links()).hasSize(1);
            assertThat(err.toString()).doesNotContain("Cloud Gateway");
        }
    }

    @Test
    @WithSimulator(apiVersion = ApiVersion.V9_0)
    void aWrongCertificateIsTheCloudVcentersRefusal(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            String other = GeneratedCertificate.builder("not-the-psc").build().pem();
            assertThatThrownBy(() -> trust(sim).create(vc, specWithCertificate(sim, other)))
                    .isInstanceOf(ApiException.UnverifiedPeer.class);
            assertThat(sim.links()).isEmpty();
            assertThat(err.toString()).doesNotContain("presents", "SHA-256");
        }
    }
}
