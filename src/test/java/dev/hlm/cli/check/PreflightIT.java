package dev.hlm.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.client.HlmClient;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.SimulatorExtension;
import dev.hlm.testing.WithSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The checks that loopback cannot fail on its own, against the simulator through a network that lies in
 * one way: a name that does not resolve, a long round trip.
 */
@WithSimulator
class PreflightIT {
    /** The real network, except where a test says otherwise. */
    private static class Lying implements Network {
        private final Network real = Network.system();

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return real.resolve(host);
        }

        @Override
        public Duration connect(InetSocketAddress address, Duration timeout) throws IOException {
            return real.connect(address, timeout);
        }

        @Override
        public X509Certificate certificate(String host, int port, Duration timeout) throws IOException {
            return real.certificate(host, port, timeout);
        }

        @Override
        public Duration clockOffset(URI server, Duration timeout) throws IOException {
            return real.clockOffset(server, timeout);
        }
    }

    private static Map<String, CheckResult> run(Simulator sim, Network network) {
        PreflightInput in = new PreflightInput(sim.pscHostname(), sim.pscPort(), sim.domainName(),
                sim.pscAdminUsername(), sim.pscCertificate().sha256(), List.of());
        try (HlmClient cloud = SimulatorExtension.clientOf(sim).build()) {
            return new Preflight(network, Duration.ofSeconds(5)).run(in, cloud, sim.pscAdminPassword()).stream()
                    .collect(Collectors.toMap(CheckResult::check, Function.identity()));
        }
    }

    @Test
    void aNameThatDoesNotResolveFailsAndThePscIsNeverContacted(Simulator sim) {
        Map<String, CheckResult> rows = run(sim, new Lying() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                throw new UnknownHostException(host);
            }
        });
        assertThat(rows.get("psc-dns").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(rows.get("psc-dns").observed()).isEqualTo("127.0.0.1 does not resolve on this machine");
        assertThat(rows.get("psc-dns").remedy()).contains("DNS");
        for (String skipped : List.of("psc-tcp", "psc-cert-dates", "psc-cert-name", "psc-thumbprint",
                "psc-login", "psc-domain", "psc-version")) {
            assertThat(rows.get(skipped).status()).as(skipped).isEqualTo(CheckStatus.SKIP);
        }
        assertThat(rows.get("cloud-login").status()).isEqualTo(CheckStatus.PASS);
        assertThat(sim.pscRequests()).isEmpty();
    }

    @Test
    void aRoundTripAbove100MillisecondsWarns(Simulator sim) {
        Map<String, CheckResult> rows = run(sim, new Lying() {
            @Override
            public Duration connect(InetSocketAddress address, Duration timeout) throws IOException {
                super.connect(address, timeout);
                return Duration.ofMillis(180);
            }
        });
        assertThat(rows.get("psc-tcp").status()).isEqualTo(CheckStatus.WARN);
        assertThat(rows.get("psc-tcp").observed()).contains("180.0 ms", "above the 100 ms");
        assertThat(rows.get("psc-login").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aPortThatAnswersWithoutTlsFailsTheCertificate(Simulator sim) {
        Map<String, CheckResult> rows = run(sim, new Lying() {
            @Override
            public X509Certificate certificate(String host, int port, Duration timeout) throws IOException {
                throw new IOException("Remote host terminated the handshake");
            }
        });
        assertThat(rows.get("psc-cert-dates").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(rows.get("psc-cert-dates").remedy()).contains("HTTPS port");
        assertThat(rows.get("psc-login").status()).isEqualTo(CheckStatus.SKIP);
    }

    @Test
    void clocksThatCannotBeReadAreSkipped(Simulator sim) {
        Map<String, CheckResult> rows = run(sim, new Lying() {
            @Override
            public Duration clockOffset(URI server, Duration timeout) throws IOException {
                throw new IOException("no Date header");
            }
        });
        assertThat(rows.get("clocks").status()).isEqualTo(CheckStatus.SKIP);
    }
}
