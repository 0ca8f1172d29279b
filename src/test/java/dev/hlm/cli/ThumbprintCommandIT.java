package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Json;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.Thumbprint;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hlm thumbprint HOST[:PORT]}: what a server presents, in vSphere's format; never a hang. */
@WithSimulator
class ThumbprintCommandIT {
    @Test
    void printsTheCertificateInVspheresFormat(Simulator sim) {
        X509Certificate psc = sim.pscCertificate().certificate();
        Cli.Result r = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + sim.pscPort());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Certificate of 127.0.0.1:" + sim.pscPort() + ":\n")
                .contains("  Subject:  ", "CN=hlm-sim-psc", "  Issuer:   ", "  Name:     DNS:localhost\n  Name:     IP:127.0.0.1\n",
                        "  Valid:    " + psc.getNotBefore().toInstant() + " to " + psc.getNotAfter().toInstant(),
                        "  SHA-256:  " + Thumbprint.sha256(psc) + "\n", "  SHA-1:    " + Thumbprint.sha1(psc) + "\n");
        assertThat(r.out()).containsPattern("SHA-256:  ([0-9A-F]{2}:){31}[0-9A-F]{2}\n")
                .containsPattern("SHA-1:    ([0-9A-F]{2}:){19}[0-9A-F]{2}\n");
        assertThat(r.err()).isEmpty();
        // It trusts nothing and sends nothing: no request reached the PSC.
        assertThat(sim.pscRequests()).isEmpty();
    }

    @Test
    void jsonHasStableFieldNames(Simulator sim) throws Exception {
        X509Certificate vc = sim.cloudCertificate().certificate();
        Cli.Result r = Cli.run(Map.of(), "thumbprint", "https://127.0.0.1:" + sim.cloudPort(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("server").asText()).isEqualTo("127.0.0.1:" + sim.cloudPort());
        assertThat(json.path("subject").asText()).contains("CN=hlm-sim-cloud-vcenter");
        assertThat(json.path("issuer").asText()).contains("CN=hlm-sim-cloud-vcenter");
        assertThat(json.path("subject_alternative_names").toString()).contains("DNS:localhost", "IP:127.0.0.1");
        assertThat(json.path("not_before").asText()).isEqualTo(vc.getNotBefore().toInstant().toString());
        assertThat(json.path("not_after").asText()).isEqualTo(vc.getNotAfter().toInstant().toString());
        assertThat(json.path("sha256").asText()).isEqualTo(Thumbprint.sha256(vc).toString());
        assertThat(json.path("sha1").asText()).isEqualTo(Thumbprint.sha1(vc).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vc:0", "vc:65536", "vc:https", "fd00::1", "[::1", "[not-v6]:443", "vc/path", "vc-", "http://vc"})
    void badHostOrPortIsAUsageError(String address) {
        Cli.Result r = Cli.run(Map.of(), "thumbprint", address);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("hlm: USAGE: ").contains("hint:");
    }

    @Test
    void nobodyListeningIsAConnectionFailure() throws Exception {
        int port = closedPort();
        Cli.Result r = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + port);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).startsWith("hlm: CONNECTION: ").contains("127.0.0.1:" + port).contains("hint:");

        // An IPv6 address in brackets is read as one (whether or not this machine has IPv6).
        Cli.Result v6 = Cli.run(Map.of(), "thumbprint", "[::1]:" + port);
        assertThat(v6.exitCode()).as(v6.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(v6.err()).contains("[::1]:" + port);
    }

    @Test
    void aServerThatNeverSpeaksTlsTimesOutInsteadOfHanging() throws Exception {
        // Connections are accepted by the kernel into the backlog; nothing ever answers.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Cli.Result r = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + silent.getLocalPort(), "--connect-timeout", "1");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(r.err()).startsWith("hlm: TIMEOUT: ");
        }
    }

    @Test
    void aPlainHttpServerIsATlsFailure() throws Exception {
        try (ServerSocket http = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = http.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    // The test's assertions tell what happened.
                }
            });
            server.start();
            Cli.Result r = Cli.run(Map.of(), "thumbprint", "127.0.0.1:" + http.getLocalPort());
            server.join();
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(r.err()).startsWith("hlm: TLS: ");
        }
    }

    static int closedPort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
