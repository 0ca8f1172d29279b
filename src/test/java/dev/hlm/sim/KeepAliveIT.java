package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/**
 * The simulator keeps a keep-alive connection open after answering on it, however many other clients left
 * theirs idle. The JDK server, by default, closes each connection right after its answer once 200 others
 * are idle, without a {@code Connection: close} header: a client's next request on it is then lost, a
 * dropped connection nobody injected (it showed up as unexplained lost answers in {@code LoadIT}).
 */
class KeepAliveIT {
    private static final int IDLE_CONNECTIONS = 250;

    @Test
    void aConnectionServesRequestAfterRequestWhileHundredsOfOthersIdle() throws Exception {
        List<SSLSocket> idle = new ArrayList<>();
        try (Simulator sim = Simulator.builder().build()) {
            SSLSocketFactory tls = TlsContexts.client(TlsContexts.recorder(
                    TrustPolicy.certificates(List.of(sim.cloudCertificate().certificate())))).getSocketFactory();
            for (int i = 0; i < IDLE_CONNECTIONS; i++) {
                idle.add(answeredOnce(sim, tls));
            }
            long handshakesBefore = sim.cloudTraffic().tlsHandshakes();

            SimHttp http = SimHttp.cloud(sim);
            for (int i = 0; i < 3; i++) {
                assertThat(http.get("/api/hvc/links").status()).isEqualTo(401);
            }

            assertThat(sim.cloudTraffic().tlsHandshakes() - handshakesBefore)
                    .as("connections the three requests needed").isEqualTo(1);
        } finally {
            for (SSLSocket socket : idle) {
                socket.close();
            }
        }
    }

    /** A connection that sent one request, read its whole answer, and stays open, idle. */
    private static SSLSocket answeredOnce(Simulator sim, SSLSocketFactory tls) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(Simulator.HOST, sim.cloudPort());
        socket.setTcpNoDelay(true); // else the request waits ~40 ms for the handshake's last ACK
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /api/hvc/links HTTP/1.1\r\nHost: " + Simulator.HOST + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        int length = -1;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        assertThat(length).as("the answer's Content-Length").isPositive();
        assertThat(in.readNBytes(length)).hasSize(length);
        return socket;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the connection closed mid-answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
